using System.Security.Cryptography;
using FileBridge.Core.Login;
using FileBridge.Core.Login.Devices;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Sessions;
using FileBridge.Core.Throttling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Login;

/// <summary>Lockout v3: budgets per known browser, an untrusted budget for everything else, and clearing only at a completed sign-in.</summary>
public sealed class DeviceLockoutTests
{
    private const string Password = "correct horse battery staple";
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));
    private static readonly string StoredHash = Hashing.Hash(Password);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount() with { PasswordHash = StoredHash, DeviceEpoch = "epoch-1" });
    private readonly InMemoryLoginStateStore _accounts = new();
    private readonly InMemoryLoginStateStore _unknownNames = new();
    private readonly InMemoryLoginStateStore _devices = new();
    private readonly DeviceCookies _cookies;

    public DeviceLockoutTests() => _cookies = new DeviceCookies(new DeviceKeySource(RandomNumberGenerator.GetBytes(32)), _time);

    [Fact]
    public async Task GuessesWithoutTheCookie_LockTheUntrustedBudget_TheKnownBrowserStillSignsIn()
    {
        var login = CreateLogin();
        var cookie = _cookies.Issue("ada", "epoch-1").Value;
        for (var i = 0; i < 20; i++)
        {
            await login.LoginAsync("ada", $"guess {i}", CancellationToken.None);
        }

        var stranger = await login.LoginAsync("ada", Password, CancellationToken.None);
        var own = await login.LoginAsync("ada", Password, cookie, CancellationToken.None);

        Assert.IsType<LoginOutcome.LockedOut>(stranger);
        var signedIn = Assert.IsType<LoginOutcome.SignedIn>(own);
        Assert.Equal(_cookies.Validate(cookie)!.DeviceId, _cookies.Validate(signedIn.DeviceCookie)!.DeviceId);
    }

    [Fact]
    public async Task GuessesWithAForgedCookie_CountInTheUntrustedBudgetAndGainNothing()
    {
        var login = CreateLogin();
        var forged = new DeviceCookies(new DeviceKeySource(RandomNumberGenerator.GetBytes(32)), _time).Issue("ada", "epoch-1").Value;
        var answers = new List<LoginOutcome>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await login.LoginAsync("ada", $"guess {i}", forged, CancellationToken.None));
        }

        Assert.All(answers.Take(3), a => Assert.IsType<LoginOutcome.InvalidCredentials>(a));
        Assert.All(answers.Skip(3), a => Assert.IsType<LoginOutcome.LockedOut>(a));
        Assert.IsType<LoginOutcome.LockedOut>(await login.LoginAsync("ada", Password, forged, CancellationToken.None));
        Assert.Equal(0, _devices.Writes);
    }

    [Fact]
    public async Task GuessesWithAnotherPersonsCookie_CountInTheUntrustedBudget()
    {
        var login = CreateLogin();
        var bobs = _cookies.Issue("bob", "epoch-1").Value;
        for (var i = 0; i < 3; i++)
        {
            await login.LoginAsync("ada", $"guess {i}", bobs, CancellationToken.None);
        }

        Assert.IsType<LoginOutcome.LockedOut>(await login.LoginAsync("ada", Password, bobs, CancellationToken.None));
        Assert.True(_accounts["ada"].IsLockedAt(_time.GetUtcNow()));
        Assert.Equal(0, _devices.Writes);
    }

    [Fact]
    public async Task CookieOfAnOldEpoch_IsNoKnownBrowser()
    {
        var login = CreateLogin();
        var old = _cookies.Issue("ada", "epoch-0").Value;
        for (var i = 0; i < 3; i++)
        {
            await login.LoginAsync("ada", $"guess {i}", CancellationToken.None);
        }

        Assert.IsType<LoginOutcome.LockedOut>(await login.LoginAsync("ada", Password, old, CancellationToken.None));
    }

    [Fact]
    public async Task FailuresFromOneKnownBrowser_LockOnlyThatBrowser()
    {
        var login = CreateLogin();
        var first = _cookies.Issue("ada", "epoch-1").Value;
        var second = _cookies.Issue("ada", "epoch-1").Value;
        for (var i = 0; i < 3; i++)
        {
            await login.LoginAsync("ada", $"guess {i}", first, CancellationToken.None);
        }

        Assert.IsType<LoginOutcome.LockedOut>(await login.LoginAsync("ada", Password, first, CancellationToken.None));
        Assert.IsType<LoginOutcome.SignedIn>(await login.LoginAsync("ada", Password, second, CancellationToken.None));
        Assert.IsType<LoginOutcome.SignedIn>(await login.LoginAsync("ada", Password, CancellationToken.None));
    }

    [Fact]
    public async Task ARightPasswordAlone_ClearsNoFailure_ACompletedSignInDoes()
    {
        var login = CreateLogin();
        await login.LoginAsync("ada", "guess 1", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await login.LoginAsync("ada", "guess 2", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        var accepted = Assert.IsType<LoginOutcome.PasswordAccepted>(await login.CheckPasswordAsync("ada", Password, null, CancellationToken.None));
        var standing = _accounts["ada"].FailedLogins;
        var signedIn = await login.CompleteSignInAsync(accepted, stepFailures: 0, CancellationToken.None);

        Assert.Equal(2, standing);
        Assert.Equal(0, _accounts["ada"].FailedLogins);
        Assert.Equal(0, _accounts["ada"].PendingChecks);
        Assert.NotNull(_cookies.Validate(signedIn.DeviceCookie));
        Assert.Null(accepted.Budget.DeviceId);
    }

    [Fact]
    public async Task AnAttackerWhoKnowsThePassword_CannotResetTheBudgetWithoutCompletingTheSignIn()
    {
        var login = CreateLogin();
        await login.LoginAsync("ada", "guess 1", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await login.LoginAsync("ada", "guess 2", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<LoginOutcome.PasswordAccepted>(await login.CheckPasswordAsync("ada", Password, null, CancellationToken.None));
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(2, _accounts["ada"].FailedLogins);
    }

    [Fact]
    public async Task ExpiredTemporaryPassword_IsInvalidCredentialsAndCounts()
    {
        _users.Account = _users.Account with { TemporaryPasswordExpiresAt = _time.GetUtcNow().AddHours(1) };
        var login = CreateLogin();

        var before = await login.CheckPasswordAsync("ada", Password, null, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var after = await login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.True(Assert.IsType<LoginOutcome.PasswordAccepted>(before).User.IsPasswordTemporary);
        Assert.IsType<LoginOutcome.InvalidCredentials>(after);
        Assert.Equal(1, _accounts["ada"].FailedLogins);
    }

    [Fact]
    public async Task NameRateUsedUpByAStranger_DoesNotThrottleTheKnownBrowser()
    {
        var login = CreateLogin(new ThrottleOptions { LoginPerClientPerMinute = 3 });
        var cookie = _cookies.Issue("ada", "epoch-1").Value;
        for (var i = 0; i < 10; i++)
        {
            await login.LoginAsync("ada", $"guess {i}", CancellationToken.None);
        }

        Assert.IsType<LoginOutcome.Throttled>(await login.LoginAsync("ada", Password, CancellationToken.None));
        Assert.IsType<LoginOutcome.SignedIn>(await login.LoginAsync("ada", Password, cookie, CancellationToken.None));
    }

    [Fact]
    public async Task ParallelGuessesFromTheKnownBrowser_CheckAtMostMaxFailedAttempts()
    {
        var gate = new PasswordCheckGate(
            Options.Create(new ThrottleOptions { ConcurrentPasswordChecks = 2, PasswordCheckQueue = 100 }), NullLogger<PasswordCheckGate>.Instance);
        // Real time: colliding writers back off with real delays.
        var login = CreateLogin(gate: gate, lockoutTime: TimeProvider.System);
        var cookie = _cookies.Issue("ada", "epoch-1").Value;

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => login.LoginAsync("ada", $"guess {i}", cookie, CancellationToken.None))));

        Assert.InRange(gate.ChecksRun, 1, 3);
        Assert.Equal(0, _accounts.Writes);
    }

    private LoginService CreateLogin(ThrottleOptions? throttle = null, PasswordCheckGate? gate = null, TimeProvider? lockoutTime = null)
    {
        var sessions = new SessionService(new InMemorySessionStore(), new InMemorySessionIndex(), _users, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        var options = Options.Create(new LoginOptions { MaxFailedAttempts = 3, LockoutDuration = TimeSpan.FromMinutes(15) });
        return new LoginService(
            _users,
            new LoginStateStores(_accounts, _unknownNames, _devices),
            new LoginLockout(options, lockoutTime ?? _time),
            gate ?? new PasswordCheckGate(Options.Create(new ThrottleOptions { ConcurrentPasswordChecks = 1, PasswordCheckQueue = 2 }), NullLogger<PasswordCheckGate>.Instance),
            new RateLimits(Options.Create(throttle ?? new ThrottleOptions { LoginPerClientPerMinute = 1000 }), _time),
            Hashing,
            sessions,
            NullLogger<LoginService>.Instance,
            devices: _cookies,
            time: _time);
    }
}
