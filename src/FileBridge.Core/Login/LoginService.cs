using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Throttling;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;

namespace FileBridge.Core.Login;

/// <summary>
/// Checks a user name and password and starts a session. In order: the name's rate, the lockout
/// (read), a reserved check (written), a password-check slot, the check itself, then its outcome.
/// A name that is not an account takes exactly the same steps against its own counters.
/// </summary>
public sealed partial class LoginService(
    IUserStore users,
    LoginStateStores states,
    LoginLockout lockout,
    PasswordCheckGate gate,
    RateLimits limits,
    PasswordHashing hashing,
    SessionService sessions,
    ILogger<LoginService> logger,
    FileBridgeMetrics? metrics = null)
{
    // Every slot is taken and the queue is full; one slot frees up in about one hash time.
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    public async Task<LoginOutcome> LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var outcome = await AttemptAsync(userName, password, cancellationToken);
        metrics?.SignIn(outcome switch
        {
            LoginOutcome.SignedIn => "signed-in",
            LoginOutcome.InvalidCredentials { LockedNow: true } => "locked-out",
            LoginOutcome.InvalidCredentials => "invalid-credentials",
            LoginOutcome.LockedOut => "locked-out",
            LoginOutcome.Throttled => "throttled",
            _ => "busy",
        });
        if (outcome is LoginOutcome.Throttled)
        {
            metrics?.Throttled(LimiterNames.SignInsPerName);
        }
        else if (outcome is LoginOutcome.Busy)
        {
            metrics?.Throttled(LimiterNames.PasswordChecks);
        }

        return outcome;
    }

    private async Task<LoginOutcome> AttemptAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var userId = UserName.Normalize(userName);
        if (limits.SignInsPerName.TryAcquire(userId) is { Allowed: false } throttled)
        {
            LogRejected(logger, "(a name)", "too many sign-ins for this name");
            return new LoginOutcome.Throttled(throttled.RetryAfter);
        }

        if (gate.IsFull)
        {
            // Under a flood most sign-ins end here, at no storage cost.
            return new LoginOutcome.Busy(BusyRetryAfter);
        }

        var user = await users.FindAsync(userId, cancellationToken);
        var store = user is null ? states.UnknownNames : states.Accounts;
        var state = await store.ReadAsync(userId, cancellationToken);

        // Reserved before waiting for a slot: parallel guesses meet the lockout at once, not one by one.
        // A locked name is refused here without any write.
        var (ticket, retryAfter) = await lockout.ReserveAsync(store, userId, state, cancellationToken);
        if (ticket is null)
        {
            LogRejected(logger, LoggedName(user), "locked out");
            return new LoginOutcome.LockedOut(retryAfter, user?.Id);
        }

        var check = await CheckAsync(user, password, cancellationToken);
        if (check is null)
        {
            await lockout.CancelAsync(ticket, CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new LoginOutcome.Busy(BusyRetryAfter);
        }

        // The check has run and is counted: its outcome is written even if the caller has gone.
        if (check == PasswordCheck.Failed || user!.Disabled)
        {
            var locked = await lockout.RecordFailureAsync(ticket, CancellationToken.None);
            if (locked)
            {
                LogLockedOut(logger, LoggedName(user));
            }
            else
            {
                LogRejected(logger, LoggedName(user), user is { Disabled: true } && check != PasswordCheck.Failed ? "disabled" : "wrong password");
            }

            return new LoginOutcome.InvalidCredentials(locked, user?.Id);
        }

        if (await lockout.CompleteSuccessAsync(ticket, CancellationToken.None) is { } lockedWhileChecking)
        {
            LogRejected(logger, userId, "locked while the password was checked");
            return new LoginOutcome.LockedOut(lockedWhileChecking, user.Id);
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            await UpgradeHashAsync(user, password, cancellationToken);
        }

        return new LoginOutcome.SignedIn(await sessions.StartAsync(user, cancellationToken));
    }

    // A name that is no account may be a password typed into the wrong field: it is never logged.
    private static string LoggedName(UserAccount? user) => user?.Id ?? "(unknown name)";

    /// <summary>The password check in a slot of the gate; null when no slot could be had (busy, or the caller left).</summary>
    private async Task<PasswordCheck?> CheckAsync(UserAccount? user, string password, CancellationToken cancellationToken)
    {
        IDisposable? slot;
        try
        {
            slot = await gate.TryEnterAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        using (slot)
        {
            return slot is null ? null : gate.Run(() => user is null ? Dummy(password) : hashing.Verify(user.PasswordHash, password));
        }
    }

    private PasswordCheck Dummy(string password)
    {
        hashing.VerifyDummy(password);
        return PasswordCheck.Failed;
    }

    private async Task UpgradeHashAsync(UserAccount verified, string password, CancellationToken cancellationToken)
    {
        // A stronger hash is worth a spare slot, never a wait: the next sign-in can do it.
        using var slot = gate.TryEnterNow();
        var current = await users.FindAsync(verified.Id, cancellationToken);
        // Only over the hash that was verified: a password reset that landed meanwhile must stand.
        if (slot is not null && current is not null && current.PasswordHash == verified.PasswordHash
            && await users.TryUpdatePasswordHashAsync(current, gate.Run(() => hashing.Hash(password)), cancellationToken))
        {
            LogHashUpgraded(logger, verified.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused for {UserId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-ins of {UserId} locked after repeated failed attempts")]
    private static partial void LogLockedOut(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password hash of {UserId} upgraded to the configured strength")]
    private static partial void LogHashUpgraded(ILogger logger, string userId);
}
