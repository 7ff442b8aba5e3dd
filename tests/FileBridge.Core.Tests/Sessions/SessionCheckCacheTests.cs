using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Sessions;

/// <summary>An established session's check from this instance's memory (README.md, "Per-request cost").</summary>
[Collection(MeasurementCollection.Name)]
public sealed class SessionCheckCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySessionStore _rows = new();
    private readonly CountingSessionStore _sessions;
    private readonly CountingUserStore _users = new(new SingleUserStore(SingleUserStore.NewAccount() with { SecurityStamp = "stamp-1" }));

    public SessionCheckCacheTests()
    {
        _sessions = new CountingSessionStore(_rows);
    }

    [Fact]
    public async Task WarmChecks_WithinTheWindow_ReadNoTable()
    {
        var service = Service();
        var token = await SignInAsync(service);

        for (var i = 0; i < 1000; i++)
        {
            Assert.NotNull(await service.AuthenticateAsync(token, CancellationToken.None));
        }

        Assert.Equal(1, _sessions.Finds);
        Assert.Equal(1, _users.Finds);
    }

    [Fact]
    public async Task Checks_AfterTheWindow_ReadTheRowsAgain()
    {
        var service = Service();
        var token = await SignInAsync(service);
        await service.AuthenticateAsync(token, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        await service.AuthenticateAsync(token, CancellationToken.None);
        Assert.Equal(1, _sessions.Finds);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        await service.AuthenticateAsync(token, CancellationToken.None);
        Assert.Equal(2, _sessions.Finds);
        Assert.Equal(2, _users.Finds);
    }

    [Fact]
    public async Task ZeroWindow_ReadsOnEveryRequest()
    {
        var service = Service(new SessionsOptions { RevalidateAfter = TimeSpan.Zero });
        var token = await SignInAsync(service);

        for (var i = 0; i < 5; i++)
        {
            await service.AuthenticateAsync(token, CancellationToken.None);
        }

        Assert.Equal(5, _sessions.Finds);
        Assert.Equal(5, _users.Finds);
    }

    [Fact]
    public async Task RequestsArrivingAtOnce_ForAnUncachedSession_ShareOneRead()
    {
        var service = Service();
        var token = await SignInAsync(service);
        _sessions.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var checks = Enumerable.Range(0, 64).Select(_ => Task.Run(() => service.AuthenticateAsync(token, CancellationToken.None))).ToList();
        await WaitUntilAsync(() => _sessions.Finds >= 1);
        await Task.Delay(50);
        _sessions.Gate.SetResult();
        var users = await Task.WhenAll(checks);

        Assert.All(users, user => Assert.Equal("ada", user?.Id));
        Assert.Equal(1, _sessions.Finds);
        Assert.Equal(1, _users.Finds);
    }

    [Fact]
    public async Task RequestsArrivingAtOnce_TouchLastSeenOnce()
    {
        var service = Service();
        var token = await SignInAsync(service);
        await service.AuthenticateAsync(token, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => service.AuthenticateAsync(token, CancellationToken.None))));

        Assert.Equal(1, _sessions.Touches);
        Assert.Equal(_time.GetUtcNow(), Assert.Single(_rows.Rows.Values).LastSeenAt);
    }

    [Fact]
    public async Task LastSeen_IsWrittenAtMostOnceAMinute()
    {
        var service = Service(new SessionsOptions { IdleTimeout = TimeSpan.FromHours(2), AbsoluteTimeout = TimeSpan.FromHours(8) });
        var token = await SignInAsync(service);

        // A request every second for ten minutes.
        for (var i = 0; i < 600; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.NotNull(await service.AuthenticateAsync(token, CancellationToken.None));
        }

        Assert.Equal(10, _sessions.Touches);
    }

    [Fact]
    public async Task SignOut_IsRefusedAtOnce_OnTheSameInstance()
    {
        var service = Service();
        var token = await SignInAsync(service);
        await service.AuthenticateAsync(token, CancellationToken.None);

        await service.EndAsync(token, CancellationToken.None);

        Assert.Null(await service.AuthenticateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task IdleOnARememberedRow_IsDecidedOnTheRowReadAgain()
    {
        // Instance B remembers the row; instance A sees the person meanwhile and writes LastSeenAt.
        var options = new SessionsOptions { IdleTimeout = TimeSpan.FromSeconds(2), AbsoluteTimeout = TimeSpan.FromHours(1) };
        var a = Service(options);
        var b = Service(options);
        var token = await SignInAsync(a);
        Assert.NotNull(await b.AuthenticateAsync(token, CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.NotNull(await a.AuthenticateAsync(token, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.NotNull(await b.AuthenticateAsync(token, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await b.AuthenticateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task AbsoluteTimeout_HoldsForARememberedRow()
    {
        var service = Service(new SessionsOptions { IdleTimeout = TimeSpan.FromSeconds(10), AbsoluteTimeout = TimeSpan.FromSeconds(10) });
        var token = await SignInAsync(service);
        Assert.NotNull(await service.AuthenticateAsync(token, CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(await service.AuthenticateAsync(token, CancellationToken.None));
        Assert.Empty(_rows.Rows);
    }

    [Fact]
    public async Task StampChanged_OnThisInstance_IsRefusedAtOnce()
    {
        var cache = new SessionCheckCache(Options.Create(new SessionsOptions()), _time);
        var users = new CacheEvictingUserStore(_users, cache);
        var service = new SessionService(_sessions, new InMemorySessionIndex(), users, cache, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        var token = await SignInAsync(service);
        await service.AuthenticateAsync(token, CancellationToken.None);

        await users.UpdateAsync("ada", new UserChange(Disabled: true), CancellationToken.None);

        Assert.Null(await service.AuthenticateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task HundredThousandTokens_LeaveTheCacheBounded_AndAReplayedForgeryCostsNoRead()
    {
        var cache = new SessionCheckCache(Options.Create(new SessionsOptions()), _time);
        var service = new SessionService(_sessions, new InMemorySessionIndex(), _users, cache, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        var real = await SignInAsync(service);
        Assert.NotNull(await service.AuthenticateAsync(real, CancellationToken.None));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var forged = Enumerable.Range(0, 100_000).Select(_ => SessionToken.Create()).ToList();
        foreach (var token in forged)
        {
            Assert.Null(await service.AuthenticateAsync(token, CancellationToken.None));
        }

        var readsForFirstSight = _sessions.Finds;
        // A full cache makes room in the background; then a new forgery is remembered, and its replays cost nothing.
        await WaitUntilAsync(() => cache.Count < SessionCheckCache.MaxEntries);
        var replayed = SessionToken.Create();
        for (var i = 0; i < 1000; i++)
        {
            await service.AuthenticateAsync(replayed, CancellationToken.None);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(cache.Count <= SessionCheckCache.MaxEntries, $"{cache.Count} rows held");
        // Each forged token costs one point read the first time it is seen (the per-address rate limit caps how many a
        // second); a replay inside the window costs none. Memory stays within the bound: well under 64 MB.
        Assert.Equal(1 + forged.Count, readsForFirstSight);
        Assert.Equal(readsForFirstSight + 1, _sessions.Finds);
        Assert.True(after - before < 64L * 1024 * 1024, $"{(after - before) / 1024 / 1024} MB more");
        Assert.NotNull(await service.AuthenticateAsync(real, CancellationToken.None));
    }

    private SessionService Service(SessionsOptions? options = null) =>
        new(_sessions, new InMemorySessionIndex(), _users, Options.Create(options ?? new SessionsOptions()), _time, NullLogger<SessionService>.Instance);

    private async Task<string> SignInAsync(SessionService service) =>
        (await service.StartAsync(_users.Inner.Account, CancellationToken.None)).Token;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }
}
