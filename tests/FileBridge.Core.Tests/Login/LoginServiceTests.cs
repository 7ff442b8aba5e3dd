using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Login;

public sealed class LoginServiceTests
{
    private const string Password = "correct horse battery staple";
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));
    private static readonly string StoredHash = Hashing.Hash(Password);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount() with { PasswordHash = StoredHash });
    private readonly LoginService _login;

    public LoginServiceTests()
    {
        var sessions = new SessionService(new InMemorySessionStore(), _users, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        var options = Options.Create(new LoginOptions { MaxFailedAttempts = 3, LockoutDuration = TimeSpan.FromMinutes(15) });
        _login = new LoginService(_users, Hashing, sessions, options, _time, NullLogger<LoginService>.Instance);
    }

    [Fact]
    public async Task LoginAsync_ThirdFailure_LocksForTheLockoutDuration()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<LoginOutcome.InvalidCredentials>(await _login.LoginAsync("ada", "wrong", CancellationToken.None));
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        var outcome = await _login.LoginAsync("ada", Password, CancellationToken.None);

        var locked = Assert.IsType<LoginOutcome.LockedOut>(outcome);
        Assert.Equal(TimeSpan.FromMinutes(10), locked.RetryAfter);
    }

    [Fact]
    public async Task LoginAsync_AfterLockExpires_SignsInAndResetsCounters()
    {
        for (var i = 0; i < 3; i++)
        {
            await _login.LoginAsync("ada", "wrong", CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(15));
        var outcome = await _login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.SignedIn>(outcome);
        Assert.Equal(0, _users.Account.FailedLogins);
        Assert.Null(_users.Account.LockedUntil);
    }

    [Fact]
    public async Task LoginAsync_DisabledWithRightPassword_IsInvalidCredentials()
    {
        _users.Account = _users.Account with { Disabled = true };

        var outcome = await _login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.InvalidCredentials>(outcome);
    }

    [Fact]
    public async Task LoginAsync_NameIsNormalized()
    {
        var outcome = await _login.LoginAsync("  ADA ", Password, CancellationToken.None);

        Assert.Equal("ada", Assert.IsType<LoginOutcome.SignedIn>(outcome).Session.User.Id);
    }
}
