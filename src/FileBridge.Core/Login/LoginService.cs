using FileBridge.Core.Login.Devices;
using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Throttling;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;

namespace FileBridge.Core.Login;

/// <summary>
/// Checks a user name and password and starts a session. In order: the budget (a valid device cookie of this
/// person picks the browser's own budget, anything else the person's untrusted one), its rate, the lockout (read),
/// a reserved check (written), a password-check slot, the check itself, then its outcome. A name that is not an
/// account takes exactly the same steps against its own counters.
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
    FileBridgeMetrics? metrics = null,
    DeviceCookies? devices = null,
    TimeProvider? time = null)
{
    // Every slot is taken and the queue is full; one slot frees up in about one hash time.
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Password and, since no further step applies here, the completed sign-in.</summary>
    public Task<LoginOutcome> LoginAsync(string userName, string password, CancellationToken cancellationToken) =>
        LoginAsync(userName, password, deviceCookie: null, cancellationToken);

    /// <summary>As <see cref="LoginAsync(string, string, CancellationToken)"/>, from a browser that may carry <c>__Host-fb_device</c>.</summary>
    public async Task<LoginOutcome> LoginAsync(string userName, string password, string? deviceCookie, CancellationToken cancellationToken)
    {
        var outcome = await AttemptAsync(userName, password, deviceCookie, cancellationToken);
        if (outcome is LoginOutcome.PasswordAccepted accepted)
        {
            outcome = await CompleteAsync(accepted, 0, SessionAmr.Password, cancellationToken);
        }

        Record(outcome);
        return outcome;
    }

    /// <summary>
    /// The password step alone: <see cref="LoginOutcome.PasswordAccepted"/> when it was right and nothing is locked
    /// (no failure cleared, no session), otherwise the same refusals as <see cref="LoginAsync(string, string, string?, CancellationToken)"/>.
    /// An expired temporary password is a failure like a wrong one.
    /// </summary>
    public async Task<LoginOutcome> CheckPasswordAsync(string userName, string password, string? deviceCookie, CancellationToken cancellationToken)
    {
        var outcome = await AttemptAsync(userName, password, deviceCookie, cancellationToken);
        Record(outcome);
        return outcome;
    }

    /// <summary>
    /// Every step is done: clears the failures that stood in the sign-in's budget when it began (and
    /// <paramref name="stepFailures"/>, its own failed steps), starts the session, and issues the device cookie
    /// (the same device id when the browser already had one).
    /// </summary>
    public Task<LoginOutcome.SignedIn> CompleteSignInAsync(
        LoginOutcome.PasswordAccepted accepted, int stepFailures, CancellationToken cancellationToken) =>
        CompleteSignInAsync(accepted, stepFailures, SessionAmr.Password, cancellationToken);

    /// <summary>As <see cref="CompleteSignInAsync(LoginOutcome.PasswordAccepted, int, CancellationToken)"/>, recording how the person authenticated (<see cref="SessionAmr"/>).</summary>
    public async Task<LoginOutcome.SignedIn> CompleteSignInAsync(
        LoginOutcome.PasswordAccepted accepted, int stepFailures, string amr, CancellationToken cancellationToken)
    {
        var signedIn = await CompleteAsync(accepted, stepFailures, amr, cancellationToken);
        Record(signedIn);
        return signedIn;
    }

    /// <summary>The budget a request counts in: the browser's own when it carries a valid device cookie of this person.</summary>
    public LoginBudget BudgetOf(UserAccount user, string? deviceCookie)
    {
        ArgumentNullException.ThrowIfNull(user);
        return devices?.Validate(deviceCookie) is { } device && device.UserId == user.Id && DeviceCookies.IsCurrentEpoch(device, user.DeviceEpoch)
            ? new LoginBudget(user.Id, device.DeviceId)
            : new LoginBudget(user.Id);
    }

    private void Record(LoginOutcome outcome)
    {
        metrics?.SignIn(outcome switch
        {
            LoginOutcome.SignedIn => "signed-in",
            LoginOutcome.PasswordAccepted => "password-accepted",
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
    }

    private async Task<LoginOutcome.SignedIn> CompleteAsync(
        LoginOutcome.PasswordAccepted accepted, int stepFailures, string amr, CancellationToken cancellationToken)
    {
        var user = accepted.User;
        var store = states.For(accepted.Budget, isAccount: true);
        await lockout.ClearFailuresAsync(store, accepted.Budget.Key, accepted.FailuresBefore + stepFailures, cancellationToken);
        var session = await sessions.StartAsync(user, amr, cancellationToken);
        if (devices is null)
        {
            return new LoginOutcome.SignedIn(session);
        }

        var (cookie, expiresAt) = devices.Issue(user.Id, user.DeviceEpoch, accepted.Budget.DeviceId);
        return new LoginOutcome.SignedIn(session, cookie, expiresAt);
    }

    private async Task<LoginOutcome> AttemptAsync(string userName, string password, string? deviceCookie, CancellationToken cancellationToken)
    {
        var userId = UserName.Normalize(userName);
        // A MAC check, no storage: which budget this request claims. The epoch is checked once the row is read.
        var device = devices?.Validate(deviceCookie) is { } valid && valid.UserId == userId ? valid : null;
        // A known browser has its own rate too: guesses from elsewhere cannot use up the person's own browser's.
        if (limits.SignInsPerName.TryAcquire(device is null ? userId : $"{userId}/{device.DeviceId}") is { Allowed: false } throttled)
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
        var budget = user is not null && device is not null && DeviceCookies.IsCurrentEpoch(device, user.DeviceEpoch)
            ? new LoginBudget(userId, device.DeviceId)
            : new LoginBudget(userId);
        var store = states.For(budget, isAccount: user is not null);
        var state = await store.ReadAsync(budget.Key, cancellationToken);

        // Reserved before waiting for a slot: parallel guesses meet the lockout at once, not one by one.
        // A locked budget is refused here without any write.
        var (ticket, retryAfter) = await lockout.ReserveAsync(store, budget.Key, state, cancellationToken);
        if (ticket is null)
        {
            LogRejected(logger, LoggedName(user), "locked out");
            return new LoginOutcome.LockedOut(retryAfter, user?.Id);
        }

        var check = await CheckAsync(user, password, cancellationToken);
        if (check is null)
        {
            await CancelReservationAsync(() => lockout.CancelAsync(ticket, CancellationToken.None));
            cancellationToken.ThrowIfCancellationRequested();
            return new LoginOutcome.Busy(BusyRetryAfter);
        }

        // The check has run and is counted: its outcome is written even if the caller has gone.
        if (check == PasswordCheck.Failed || user!.Disabled || user.IsTemporaryPasswordExpiredAt(_time.GetUtcNow()))
        {
            var locked = await SettleAsync(() => lockout.RecordFailureAsync(ticket, CancellationToken.None));
            if (locked)
            {
                LogLockedOut(logger, LoggedName(user));
            }
            else
            {
                LogRejected(logger, LoggedName(user), check == PasswordCheck.Failed ? "wrong password" : user!.Disabled ? "disabled" : "temporary password expired");
            }

            return new LoginOutcome.InvalidCredentials(locked, user?.Id);
        }

        if (await SettleAsync(() => lockout.CompleteSuccessAsync(ticket, CancellationToken.None)) is { } lockedWhileChecking)
        {
            LogRejected(logger, userId, "locked while the password was checked");
            return new LoginOutcome.LockedOut(lockedWhileChecking, user.Id);
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            await UpgradeHashAsync(user, password, cancellationToken);
        }

        return new LoginOutcome.PasswordAccepted(user, budget, ticket.FailuresBefore);
    }

    /// <summary>
    /// Ends a reservation. A storage fault on the way would leave it pending, shrinking the budget (and passing for a
    /// burst) until the window ends: so it is tried once more, from a fresh read, before the fault goes up.
    /// </summary>
    private async Task<T> SettleAsync<T>(Func<Task<T>> settle)
    {
        try
        {
            return await settle();
        }
        catch (Exception first) when (first is not OperationCanceledException)
        {
            LogSettleRetried(logger, first.GetType().Name);
            try
            {
                return await settle();
            }
            catch (Exception)
            {
                // Still failing: the window's end frees the reservation; the first fault is the one to report.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
                throw;
            }
        }
    }

    private Task<bool> CancelReservationAsync(Func<Task> cancel) => SettleAsync(async () =>
    {
        await cancel();
        return true;
    });

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ending a sign-in check's reservation failed ({Fault}); trying once more")]
    private static partial void LogSettleRetried(ILogger logger, string fault);
}
