using Azure;
using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Sessions;
using FileBridge.Core.Throttling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Login;

/// <summary>Review findings 3 and 6: a storage fault never leaks a reservation, and no exception message names what was typed.</summary>
public sealed class LockoutFaultTests
{
    private const string Password = "correct horse battery staple";
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly SingleUserStore _users = new(SingleUserStore.NewAccount() with { PasswordHash = Hashing.Hash(Password) });

    [Theory]
    [InlineData("wrong password")]
    [InlineData(Password)]
    public async Task LoginAsync_StorageFaultAfterTheReservation_ReleasesIt(string password)
    {
        var accounts = new FaultyLoginStateStore(new InMemoryLoginStateStore()) { FailWrite = 2 };
        var login = CreateLogin(accounts);

        await login.LoginAsync("ada", password, CancellationToken.None);

        Assert.Equal(1, accounts.Faults);
        Assert.Equal(0, accounts.Inner["ada"].PendingChecks);
    }

    [Fact]
    public async Task LoginAsync_StorageFaultOnAnUnknownName_ReleasesIt()
    {
        var unknown = new FaultyLoginStateStore(new InMemoryLoginStateStore()) { FailWrite = 2 };
        var login = CreateLogin(new InMemoryLoginStateStore(), unknown);

        var outcome = await login.LoginAsync("nobody", "wrong password", CancellationToken.None);

        Assert.IsType<LoginOutcome.InvalidCredentials>(outcome);
        Assert.Equal(0, unknown.Inner["nobody"].PendingChecks);
        Assert.Equal(1, unknown.Inner["nobody"].FailedLogins);
    }

    [Fact]
    public async Task LoginAsync_EndlessConflicts_FailWithAMessageThatNamesNobody()
    {
        const string typed = "Hunter2-typed-into-the-name-field";
        var login = CreateLogin(new InMemoryLoginStateStore(), new AlwaysConflictingStore());

        var attempt = login.LoginAsync(typed, "wrong password", CancellationToken.None);
        // The retries back off on the fake clock: move it on until they give up.
        while (!attempt.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => attempt);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("typed", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UserStoreExceptions_NeverCarryTheName()
    {
        const string typed = "Hunter2-typed-into-the-name-field";

        Assert.DoesNotContain(typed, new FileBridge.Core.Users.UserNotFoundException(typed).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, new FileBridge.Core.Users.UserAlreadyExistsException(typed).Message, StringComparison.Ordinal);
    }

    private LoginService CreateLogin(ILoginStateStore accounts, ILoginStateStore? unknownNames = null)
    {
        var sessions = new SessionService(new InMemorySessionStore(), new InMemorySessionIndex(), _users, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        return new LoginService(
            _users,
            new LoginStateStores(accounts, unknownNames ?? new InMemoryLoginStateStore()),
            new LoginLockout(Options.Create(new LoginOptions()), _time),
            new PasswordCheckGate(Options.Create(new ThrottleOptions { ConcurrentPasswordChecks = 1, PasswordCheckQueue = 2 }), NullLogger<PasswordCheckGate>.Instance),
            new RateLimits(Options.Create(new ThrottleOptions { LoginPerClientPerMinute = 1000 }), _time),
            Hashing,
            sessions,
            NullLogger<LoginService>.Instance,
            time: _time);
    }

    /// <summary>Throws a 503, as a table in trouble does, on the <see cref="FailWrite"/>th write, once.</summary>
    private sealed class FaultyLoginStateStore(InMemoryLoginStateStore inner) : ILoginStateStore
    {
        private int _writes;

        public InMemoryLoginStateStore Inner { get; } = inner;

        public int FailWrite { get; init; }

        public int Faults { get; private set; }

        public Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken) => Inner.ReadAsync(userId, cancellationToken);

        public Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken)
        {
            if (++_writes == FailWrite)
            {
                Faults++;
                throw new RequestFailedException(503, "The table service is busy.");
            }

            return Inner.TryWriteAsync(userId, current, next, cancellationToken);
        }
    }

    private sealed class AlwaysConflictingStore : ILoginStateStore
    {
        public Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(LoginState.None);

        public Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken) =>
            Task.FromResult<LoginState?>(null);
    }
}
