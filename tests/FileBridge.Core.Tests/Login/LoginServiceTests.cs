using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Sessions;
using FileBridge.Core.Throttling;
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
    private readonly InMemoryLoginStateStore _accounts = new();
    private readonly InMemoryLoginStateStore _unknownNames = new();

    [Fact]
    public async Task LoginAsync_ThirdFailure_LocksForTheLockoutDuration()
    {
        var login = CreateLogin();
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<LoginOutcome.InvalidCredentials>(await login.LoginAsync("ada", "wrong", CancellationToken.None));
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        var outcome = await login.LoginAsync("ada", Password, CancellationToken.None);

        var locked = Assert.IsType<LoginOutcome.LockedOut>(outcome);
        Assert.Equal(TimeSpan.FromMinutes(10), locked.RetryAfter);
    }

    [Fact]
    public async Task LoginAsync_AfterLockExpires_SignsInAndClearsCounters()
    {
        var login = CreateLogin();
        for (var i = 0; i < 3; i++)
        {
            await login.LoginAsync("ada", "wrong", CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(15));
        var outcome = await login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.SignedIn>(outcome);
        Assert.Equal(0, _accounts["ada"].FailedLogins);
        Assert.Equal(0, _accounts["ada"].PendingChecks);
        Assert.False(_accounts["ada"].IsLockedAt(_time.GetUtcNow()));
    }

    [Fact]
    public async Task LoginAsync_TwoFailuresThenRightPassword_SignsInAndClearsTheFailures()
    {
        var login = CreateLogin();
        await login.LoginAsync("ada", "wrong", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await login.LoginAsync("ada", "wrong", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        var outcome = await login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.SignedIn>(outcome);
        Assert.Equal(0, _accounts["ada"].FailedLogins);
    }

    [Fact]
    public async Task LoginAsync_UnknownName_LocksAfterTheSameCountInItsOwnStore()
    {
        var login = CreateLogin();
        var answers = new List<LoginOutcome>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await login.LoginAsync("nobody", "wrong", CancellationToken.None));
        }

        Assert.All(answers.Take(3), a => Assert.IsType<LoginOutcome.InvalidCredentials>(a));
        Assert.IsType<LoginOutcome.LockedOut>(answers[3]);
        Assert.True(_unknownNames["nobody"].IsLockedAt(_time.GetUtcNow()));
        Assert.Equal(0, _accounts.Writes);
    }

    [Fact]
    public async Task LoginAsync_DisabledWithRightPassword_IsInvalidCredentialsAndCounts()
    {
        _users.Account = _users.Account with { Disabled = true };
        var login = CreateLogin();

        var outcome = await login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.InvalidCredentials>(outcome);
        Assert.Equal(1, _accounts["ada"].FailedLogins);
    }

    [Fact]
    public async Task LoginAsync_NameIsNormalized()
    {
        var outcome = await CreateLogin().LoginAsync("  ADA ", Password, CancellationToken.None);

        Assert.Equal("ada", Assert.IsType<LoginOutcome.SignedIn>(outcome).Session.User.Id);
    }

    [Fact]
    public async Task LoginAsync_AllChecksTakenAndNoQueue_IsBusyWithoutHashingOrTouchingTheStore()
    {
        var gate = CreateGate(concurrent: 1, queue: 0);
        var login = CreateLogin(gate: gate);
        using var taken = gate.TryEnterNow();

        var outcome = await login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.Busy>(outcome);
        Assert.Equal(0, gate.ChecksRun);
        Assert.Equal(0, _accounts.Writes);
    }

    [Fact]
    public async Task LoginAsync_SlotTakenAfterReserving_GivesTheReservationBack()
    {
        var gate = CreateGate(concurrent: 1, queue: 1);
        var login = CreateLogin(gate: gate);
        using var taken = gate.TryEnterNow();
        using var cancel = new CancellationTokenSource();
        var queued = login.LoginAsync("ada", "wrong", cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(0, gate.ChecksRun);
        Assert.Equal(0, _accounts["ada"].PendingChecks);
        Assert.Equal(0, _accounts["ada"].FailedLogins);
    }

    [Fact]
    public async Task LoginAsync_LockedName_IsRefusedWithoutHashing()
    {
        var gate = CreateGate(concurrent: 1, queue: 2);
        var login = CreateLogin(gate: gate);
        for (var i = 0; i < 3; i++)
        {
            await login.LoginAsync("ada", "wrong", CancellationToken.None);
        }

        var before = gate.ChecksRun;
        var outcome = await login.LoginAsync("ada", Password, CancellationToken.None);

        Assert.IsType<LoginOutcome.LockedOut>(outcome);
        Assert.Equal(before, gate.ChecksRun);
    }

    [Fact]
    public async Task LoginAsync_OverTheNameRate_IsThrottledWithoutReadingAnything()
    {
        var login = CreateLogin(throttle: new ThrottleOptions { LoginPerClientPerMinute = 2 });
        await login.LoginAsync("ada", "wrong", CancellationToken.None);
        await login.LoginAsync("ada", "wrong", CancellationToken.None);
        var writes = _accounts.Writes;

        var outcome = await login.LoginAsync("ADA", Password, CancellationToken.None);

        var throttled = Assert.IsType<LoginOutcome.Throttled>(outcome);
        Assert.InRange(throttled.RetryAfter, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.Equal(writes, _accounts.Writes);
        Assert.IsType<LoginOutcome.InvalidCredentials>(await login.LoginAsync("someone-else", "wrong", CancellationToken.None));
    }

    private PasswordCheckGate CreateGate(int concurrent = 1, int queue = 2) =>
        new(Options.Create(new ThrottleOptions { ConcurrentPasswordChecks = concurrent, PasswordCheckQueue = queue }), NullLogger<PasswordCheckGate>.Instance);

    private LoginService CreateLogin(PasswordCheckGate? gate = null, ThrottleOptions? throttle = null)
    {
        var sessions = new SessionService(new InMemorySessionStore(), new InMemorySessionIndex(), _users, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        var options = Options.Create(new LoginOptions { MaxFailedAttempts = 3, LockoutDuration = TimeSpan.FromMinutes(15) });
        return new LoginService(
            _users,
            new LoginStateStores(_accounts, _unknownNames),
            new LoginLockout(options, _time),
            gate ?? CreateGate(),
            new RateLimits(Options.Create(throttle ?? new ThrottleOptions { LoginPerClientPerMinute = 1000 }), _time),
            Hashing,
            sessions,
            NullLogger<LoginService>.Instance);
    }
}
