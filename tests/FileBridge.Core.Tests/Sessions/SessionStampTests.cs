using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Sessions;

/// <summary>The security stamp as <see cref="SessionService"/> applies it on every request.</summary>
public sealed class SessionStampTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySessionStore _sessions = new();
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount() with { SecurityStamp = "stamp-1" });
    private readonly SessionService _service;

    public SessionStampTests()
    {
        _service = new SessionService(_sessions, new InMemorySessionIndex(), _users, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
    }

    [Fact]
    public async Task StartAsync_CopiesTheUsersStampIntoTheSession()
    {
        await _service.StartAsync(_users.Account, CancellationToken.None);

        Assert.Equal("stamp-1", Assert.Single(_sessions.Rows.Values).SecurityStamp);
    }

    [Fact]
    public async Task AuthenticateAsync_StampUnchanged_ReturnsUser()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);

        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Equal("ada", user?.Id);
    }

    [Fact]
    public async Task AuthenticateAsync_StampChangedSinceSignIn_ReturnsNullAndDeletesTheRow()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);
        _users.Account = _users.Account with { SecurityStamp = "stamp-2" };

        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(user);
        Assert.Empty(_sessions.Rows);
    }

    [Fact]
    public async Task AuthenticateAsync_SignInReadTheRowBeforeAReset_IsDeadAfterIt()
    {
        // The sign-in verified the old password against the row it read; the reset wrote a new stamp before
        // the session row was created. Order of writes does not matter: the stamps differ.
        var readBySignIn = _users.Account;
        _users.Account = _users.Account with { PasswordHash = "new hash", SecurityStamp = "stamp-2" };
        var started = await _service.StartAsync(readBySignIn, CancellationToken.None);

        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(user);
    }

    [Fact]
    public async Task AuthenticateAsync_RowWithoutStamp_KeepsWorkingUntilItsNextChange()
    {
        _users.Account = _users.Account with { SecurityStamp = null };
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);
        var stored = Assert.Single(_sessions.Rows.Values).SecurityStamp;

        var before = await _service.AuthenticateAsync(started.Token, CancellationToken.None);
        _users.Account = _users.Account with { SecurityStamp = SecurityStamp.New() };
        // Changed behind this instance's back (another instance, the admin tool): seen once the window has passed.
        _time.Advance(new SessionsOptions().RevalidateAfter);
        var after = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(stored);
        Assert.Equal("ada", before?.Id);
        Assert.Null(after);
    }

    [Fact]
    public async Task AuthenticateAsync_SessionWithStampButRowWithout_ReturnsNull()
    {
        var started = await _service.StartAsync(_users.Account, CancellationToken.None);
        _users.Account = _users.Account with { SecurityStamp = null };

        var user = await _service.AuthenticateAsync(started.Token, CancellationToken.None);

        Assert.Null(user);
    }
}
