using FileBridge.Core.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Sessions;

public sealed class SessionServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySessionStore _sessions = new();
    private readonly InMemorySessionIndex _index = new();
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount());
    private readonly SessionService _service;

    public SessionServiceTests()
    {
        var options = Options.Create(new SessionsOptions { IdleTimeout = TimeSpan.FromMinutes(30), AbsoluteTimeout = TimeSpan.FromHours(8) });
        _service = new SessionService(_sessions, _index, _users, options, _time, NullLogger<SessionService>.Instance);
    }

    [Fact]
    public async Task StartAsync_StoresOnlyTheHashWithAbsoluteExpiry()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);

        var row = Assert.Single(_sessions.Rows.Values);
        Assert.Equal(SessionToken.HashOf(started.Token), row.TokenHash);
        Assert.NotEqual(started.Token, row.TokenHash);
        Assert.Equal(_time.GetUtcNow().AddHours(8), row.ExpiresAt);
        Assert.Equal(row.ExpiresAt, started.User.ExpiresAt);
        Assert.DoesNotContain(started.Token, started.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_ActiveWithinIdleTimeout_ReturnsUser()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(29));
        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Equal("ada", user?.Id);
    }

    [Fact]
    public async Task AuthenticateAsync_AfterIdleTimeout_ReturnsNullAndDeletesTheRow()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(30));
        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(user);
        Assert.Empty(_sessions.Rows);
    }

    [Fact]
    public async Task AuthenticateAsync_KeptBusy_StillEndsAtTheAbsoluteTimeout()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);
        for (var i = 0; i < 31; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            Assert.NotNull(await _service.AuthenticateAsync(started.Token, CancellationToken.None));
        }

        _time.Advance(TimeSpan.FromMinutes(15));
        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(user);
    }

    [Fact]
    public async Task AuthenticateAsync_DisabledUser_ReturnsNull()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);

        _users.Account = _users.Account with { Disabled = true };
        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(user);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("has spaces and is fourty three chars long!!")]
    public async Task AuthenticateAsync_MalformedToken_ReturnsNull(string? token)
    {
        var user = await _service.AuthenticateAsync(token, CancellationToken.None);

        Assert.Null(user);
    }

    [Fact]
    public async Task EndAsync_RevokesTheSession()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);

        await _service.EndAsync(started.Token, CancellationToken.None);

        Assert.Null(await _service.AuthenticateAsync(started.Token, CancellationToken.None));
    }

    [Fact]
    public void Create_Tokens_Are256BitAndUnique()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SessionToken.Create()).ToHashSet();

        Assert.Equal(1000, tokens.Count);
        Assert.All(tokens, t => Assert.True(SessionToken.LooksValid(t)));
        Assert.All(tokens, t => Assert.Equal(32, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "=").Length));
    }
}
