using FileBridge.Core.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Sessions;

/// <summary>What <see cref="SessionService"/> does with the per-user index: list, end one, end others, the limit.</summary>
public sealed class SessionIndexServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySessionStore _sessions = new();
    private readonly InMemorySessionIndex _index = new();
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount());

    [Fact]
    public async Task StartAsync_IndexesTheSessionUnderAnOpaqueIdWithItsOrigin()
    {
        var service = Service();

        var started = await service.StartAsync(_users.Account, SessionAmr.Password, new SessionOrigin("Chrome on Linux", "192.0.2.7", null), CancellationToken.None);

        var entry = Assert.Single(_index.EntriesOf("ada"));
        var row = Assert.Single(_sessions.Rows.Values);
        Assert.Equal(row.SessionId, entry.SessionId);
        Assert.True(SessionIds.LooksValid(entry.SessionId));
        Assert.NotEqual(row.TokenHash, entry.SessionId);
        Assert.DoesNotContain(entry.SessionId, started.Token, StringComparison.Ordinal);
        Assert.Equal(("Chrome on Linux", "192.0.2.7"), (entry.Client, entry.Address));
    }

    [Fact]
    public async Task ListAsync_MarksTheCurrentSessionAndCarriesNoTokenOrHash()
    {
        var service = Service();
        var first = await service.StartAsync(_users.Account, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await service.StartAsync(_users.Account, CancellationToken.None);

        var list = await service.ListAsync("ada", first.Token, CancellationToken.None);

        Assert.Equal(2, list.Count);
        Assert.Equal([false, true], list.Select(s => s.Current));
        var text = string.Join('\n', list.Select(s => s.ToString()));
        foreach (var token in new[] { first.Token, second.Token })
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken.HashOf(token), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListAsync_LeavesOutIdleSessions()
    {
        var service = Service();
        await service.StartAsync(_users.Account, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(31));

        var list = await service.ListAsync("ada", null, CancellationToken.None);

        Assert.Empty(list);
    }

    [Fact]
    public async Task EndOneAsync_AnotherPersonsSession_IsNotFoundAndLeavesItAlive()
    {
        var service = Service();
        var bob = SingleUserStore.NewAccount("bob");
        var bobs = await service.StartAsync(bob, CancellationToken.None);
        var bobsId = Assert.Single(_index.EntriesOf("bob")).SessionId;

        var result = await service.EndOneAsync("ada", bobsId, null, CancellationToken.None);

        Assert.Equal(EndSessionResult.NotFound, result);
        Assert.True(_sessions.Rows.ContainsKey(SessionToken.HashOf(bobs.Token)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("../../etc/passwd#?")]
    public async Task EndOneAsync_MadeUpId_IsNotFound(string id)
    {
        var service = Service();
        await service.StartAsync(_users.Account, CancellationToken.None);

        var result = await service.EndOneAsync("ada", id, null, CancellationToken.None);

        Assert.Equal(EndSessionResult.NotFound, result);
    }

    [Fact]
    public async Task EndOneAsync_AnotherOwnSession_EndsItAndNotTheCaller()
    {
        var service = Service();
        var other = await service.StartAsync(_users.Account, CancellationToken.None);
        var current = await service.StartAsync(_users.Account, CancellationToken.None);
        var otherId = (await service.ListAsync("ada", current.Token, CancellationToken.None)).Single(s => !s.Current).Id;

        var result = await service.EndOneAsync("ada", otherId, current.Token, CancellationToken.None);

        Assert.Equal(EndSessionResult.Ended, result);
        Assert.Null(await service.AuthenticateAsync(other.Token, CancellationToken.None));
        Assert.NotNull(await service.AuthenticateAsync(current.Token, CancellationToken.None));
        Assert.Single(_index.EntriesOf("ada"));
    }

    [Fact]
    public async Task EndOneAsync_TheCurrentSession_SaysSo()
    {
        var service = Service();
        var current = await service.StartAsync(_users.Account, CancellationToken.None);
        var id = Assert.Single(await service.ListAsync("ada", current.Token, CancellationToken.None)).Id;

        var result = await service.EndOneAsync("ada", id, current.Token, CancellationToken.None);

        Assert.Equal(EndSessionResult.EndedCurrent, result);
        Assert.Null(await service.AuthenticateAsync(current.Token, CancellationToken.None));
    }

    [Fact]
    public async Task EndOthersAsync_LeavesOnlyTheCaller()
    {
        var service = Service();
        var others = new List<StartedSession>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await service.StartAsync(_users.Account, CancellationToken.None));
        }

        var current = await service.StartAsync(_users.Account, CancellationToken.None);

        var ended = await service.EndOthersAsync("ada", current.Token, CancellationToken.None);

        Assert.Equal(3, ended);
        Assert.True(Assert.Single(await service.ListAsync("ada", current.Token, CancellationToken.None)).Current);
        foreach (var other in others)
        {
            Assert.Null(await service.AuthenticateAsync(other.Token, CancellationToken.None));
        }
    }

    [Fact]
    public async Task EndAllForUserAsync_ReadsTheIndexOnceAndEndsEverySession()
    {
        var service = Service();
        var tokens = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            tokens.Add((await service.StartAsync(_users.Account, CancellationToken.None)).Token);
        }

        var listsBefore = _index.Lists;

        var ended = await service.EndAllForUserAsync("ada", CancellationToken.None);

        Assert.Equal(4, ended);
        Assert.Equal(1, _index.Lists - listsBefore);
        Assert.Empty(_sessions.Rows);
        Assert.Empty(_index.EntriesOf("ada"));
    }

    [Fact]
    public async Task StartAsync_BeyondMaxPerUser_EndsTheLeastRecentlySeen()
    {
        var service = Service(new SessionsOptions { MaxPerUser = 2 });
        var first = await service.StartAsync(_users.Account, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var second = await service.StartAsync(_users.Account, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        // The first is used again: the second is now the least recently seen.
        Assert.NotNull(await service.AuthenticateAsync(first.Token, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));

        var third = await service.StartAsync(_users.Account, CancellationToken.None);

        Assert.NotNull(await service.AuthenticateAsync(first.Token, CancellationToken.None));
        Assert.Null(await service.AuthenticateAsync(second.Token, CancellationToken.None));
        Assert.NotNull(await service.AuthenticateAsync(third.Token, CancellationToken.None));
        Assert.Equal(2, _index.EntriesOf("ada").Count);
    }

    [Fact]
    public async Task StartAsync_ManyAtOnce_LeaveAtMostMaxPerUser()
    {
        var service = Service(new SessionsOptions { MaxPerUser = 3 });

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.StartAsync(_users.Account, CancellationToken.None))));

        var live = 0;
        foreach (var session in started)
        {
            live += await service.AuthenticateAsync(session.Token, CancellationToken.None) is null ? 0 : 1;
        }

        Assert.Equal(3, live);
        Assert.Equal(3, _sessions.Rows.Count);
        Assert.Equal(3, _index.EntriesOf("ada").Count);
    }

    [Fact]
    public async Task StartAsync_FromABrowserCarryingASession_EndsThatSession()
    {
        var service = Service();
        var before = await service.StartAsync(_users.Account, CancellationToken.None);

        var after = await service.StartAsync(_users.Account, SessionAmr.Password, new SessionOrigin(null, null, before.Token), CancellationToken.None);

        Assert.Null(await service.AuthenticateAsync(before.Token, CancellationToken.None));
        Assert.NotNull(await service.AuthenticateAsync(after.Token, CancellationToken.None));
        Assert.Single(_index.EntriesOf("ada"));
    }

    [Fact]
    public async Task AuthenticateAsync_TouchesTheIndexAtTheRowsCadenceOnly()
    {
        var service = Service();
        var started = await service.StartAsync(_users.Account, CancellationToken.None);
        var createdSeen = Assert.Single(_index.EntriesOf("ada")).LastSeenAt;

        _time.Advance(TimeSpan.FromSeconds(20));
        await service.AuthenticateAsync(started.Token, CancellationToken.None);
        var withinInterval = Assert.Single(_index.EntriesOf("ada")).LastSeenAt;
        _time.Advance(TimeSpan.FromSeconds(50));
        await service.AuthenticateAsync(started.Token, CancellationToken.None);
        var afterInterval = Assert.Single(_index.EntriesOf("ada")).LastSeenAt;

        Assert.Equal(createdSeen, withinInterval);
        Assert.Equal(_time.GetUtcNow(), afterInterval);
        Assert.Equal(_sessions.Rows.Values.Single().LastSeenAt, afterInterval);
    }

    [Fact]
    public async Task EndAsync_SigningOut_RemovesTheIndexEntry()
    {
        var service = Service();
        var started = await service.StartAsync(_users.Account, CancellationToken.None);

        await service.EndAsync(started.Token, CancellationToken.None);

        Assert.Empty(_index.EntriesOf("ada"));
    }

    private SessionService Service(SessionsOptions? options = null) =>
        new(_sessions, _index, _users, Options.Create(options ?? new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
}
