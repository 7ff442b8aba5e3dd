using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>Checks a user name and password, applies the per-account lockout and starts a session.</summary>
public sealed partial class LoginService(
    IUserStore users,
    PasswordHashing hashing,
    SessionService sessions,
    IOptions<LoginOptions> options,
    TimeProvider time,
    ILogger<LoginService> logger)
{
    // Many instances may count failures of one account at once; each retry re-reads the row.
    private const int MaxConcurrencyRetries = 50;

    private readonly LoginOptions _options = options.Value;

    public async Task<LoginOutcome> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var userId = UserName.Normalize(userName);
        var user = await users.FindAsync(userId, cancellationToken);
        if (user is null)
        {
            hashing.VerifyDummy(password);
            LogRejected(logger, userId, "unknown user");
            return new LoginOutcome.InvalidCredentials();
        }

        if (user.IsLockedAt(time.GetUtcNow()))
        {
            LogRejected(logger, userId, "locked out");
            return new LoginOutcome.LockedOut(user.LockedUntil!.Value - time.GetUtcNow());
        }

        var check = hashing.Verify(user.PasswordHash, password);
        if (check == PasswordCheck.Failed)
        {
            return await RecordFailureAsync(user, cancellationToken);
        }

        if (user.Disabled)
        {
            LogRejected(logger, userId, "disabled");
            return new LoginOutcome.InvalidCredentials();
        }

        await ResetFailuresAsync(user, cancellationToken);
        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            await UpgradeHashAsync(user, password, cancellationToken);
        }

        return new LoginOutcome.SignedIn(await sessions.StartAsync(user, cancellationToken));
    }

    private async Task<LoginOutcome> RecordFailureAsync(UserAccount user, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var now = time.GetUtcNow();
            if (user.IsLockedAt(now))
            {
                // Another attempt locked the account while this one was hashing.
                return new LoginOutcome.InvalidCredentials();
            }

            var failures = user.FailedLogins + 1;
            var locks = failures >= _options.MaxFailedAttempts;
            var written = await users.TryUpdateLoginStateAsync(
                user,
                locks ? 0 : failures,
                locks ? now + _options.LockoutDuration : null,
                cancellationToken);
            if (written)
            {
                if (locks)
                {
                    LogLockedOut(logger, user.Id, _options.LockoutDuration);
                }
                else
                {
                    LogRejected(logger, user.Id, "wrong password");
                }

                return new LoginOutcome.InvalidCredentials();
            }

            user = await users.FindAsync(user.Id, cancellationToken) ?? user;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 + attempt * 5)), time, cancellationToken);
        }

        throw new InvalidOperationException($"Could not record a failed login for {user.Id} after {MaxConcurrencyRetries} attempts.");
    }

    private async Task ResetFailuresAsync(UserAccount user, CancellationToken cancellationToken)
    {
        for (var attempt = 0; (user.FailedLogins != 0 || user.LockedUntil > DateTimeOffset.UnixEpoch) && attempt < MaxConcurrencyRetries; attempt++)
        {
            if (await users.TryUpdateLoginStateAsync(user, 0, null, cancellationToken))
            {
                return;
            }

            user = await users.FindAsync(user.Id, cancellationToken) ?? user;
        }
    }

    private async Task UpgradeHashAsync(UserAccount user, string password, CancellationToken cancellationToken)
    {
        // The row was just written by the reset above; read it again for a fresh ETag. Only the hash that was
        // verified may be replaced: if a reset landed meanwhile, writing the old password's hash would undo it.
        var current = await users.FindAsync(user.Id, cancellationToken);
        if (current is not null
            && string.Equals(current.PasswordHash, user.PasswordHash, StringComparison.Ordinal)
            && await users.TryUpdatePasswordHashAsync(current, hashing.Hash(password), cancellationToken))
        {
            LogHashUpgraded(logger, user.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused for {UserId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked for {LockoutDuration} after repeated failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string userId, TimeSpan lockoutDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password hash of {UserId} upgraded to the configured strength")]
    private static partial void LogHashUpgraded(ILogger logger, string userId);
}
