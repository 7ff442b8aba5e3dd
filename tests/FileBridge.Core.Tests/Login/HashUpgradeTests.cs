using Azure;
using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Sessions;
using FileBridge.Core.Throttling;
using FileBridge.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Login;

/// <summary>The re-hash at sign-in must never write the old password's hash over a reset that landed meanwhile.</summary>
public sealed class HashUpgradeTests
{
    private const string OldPassword = "the old password of ada";
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));
    private static readonly string WeakHash =
        new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 })).HashPassword(new object(), OldPassword);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task LoginAsync_WeakHashUnchanged_IsUpgraded()
    {
        var users = new ResettingUserStore(SingleUserStore.NewAccount() with { PasswordHash = WeakHash, SecurityStamp = "s1" });

        var outcome = await CreateLogin(users).LoginAsync("ada", OldPassword, CancellationToken.None);

        Assert.IsType<LoginOutcome.SignedIn>(outcome);
        Assert.Equal(PasswordCheck.Succeeded, Hashing.Verify(users.Account.PasswordHash, OldPassword));
        Assert.Equal("s1", users.Account.SecurityStamp);
    }

    [Fact]
    public async Task LoginAsync_ResetLandsWhileHashing_KeepsTheNewPassword()
    {
        var newHash = Hashing.Hash("the new password of ada");
        var users = new ResettingUserStore(SingleUserStore.NewAccount() with { PasswordHash = WeakHash, SecurityStamp = "s1" })
        {
            // What `users set-password` writes between the sign-in's first read and its upgrade.
            AfterFirstRead = account => account with { PasswordHash = newHash, SecurityStamp = "s2", ETag = new ETag("2") },
        };

        await CreateLogin(users).LoginAsync("ada", OldPassword, CancellationToken.None);

        Assert.Equal(newHash, users.Account.PasswordHash);
        Assert.Equal(0, users.HashWrites);
    }

    private LoginService CreateLogin(IUserStore users)
    {
        var sessions = new SessionService(new InMemorySessionStore(), new InMemorySessionIndex(), users, Options.Create(new SessionsOptions()), _time, NullLogger<SessionService>.Instance);
        var throttle = Options.Create(new ThrottleOptions { ConcurrentPasswordChecks = 2, PasswordCheckQueue = 2, LoginPerClientPerMinute = 1000 });
        return new LoginService(
            users,
            new LoginStateStores(new InMemoryLoginStateStore(), new InMemoryLoginStateStore()),
            new LoginLockout(Options.Create(new LoginOptions()), _time),
            new PasswordCheckGate(throttle, NullLogger<PasswordCheckGate>.Instance),
            new RateLimits(throttle, _time),
            Hashing,
            sessions,
            NullLogger<LoginService>.Instance);
    }

    /// <summary>One account with ETag checks, and a change applied right after the first read.</summary>
    private sealed class ResettingUserStore(UserAccount account) : IUserStore
    {
        private int _reads;

        public UserAccount Account { get; private set; } = account;

        public Func<UserAccount, UserAccount>? AfterFirstRead { get; init; }

        public int HashWrites { get; private set; }

        public Task<UserAccount?> FindAsync(string userId, CancellationToken cancellationToken)
        {
            var current = Account;
            if (++_reads == 1 && AfterFirstRead is { } change)
            {
                Account = change(Account);
            }

            return Task.FromResult<UserAccount?>(userId == current.Id ? current : null);
        }

        public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddAsync(NewUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken)
        {
            if (user.ETag != Account.ETag)
            {
                return Task.FromResult(false);
            }

            HashWrites++;
            Account = Account with { PasswordHash = passwordHash, ETag = new ETag(Guid.NewGuid().ToString()) };
            return Task.FromResult(true);
        }

        public Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> CanReachAsync(CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
