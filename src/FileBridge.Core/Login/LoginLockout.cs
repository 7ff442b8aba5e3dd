using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>
/// The lockout of one budget (<see cref="LoginBudget"/>: a name's untrusted budget, or one known browser's), safe
/// under concurrency and across instances: a password check is reserved (an ETag-guarded write) BEFORE it runs, so
/// however many guesses arrive at once, at most <c>Login:MaxFailedAttempts</c> checks of one budget run per window.
/// When the last reservation of a window is taken while others are still running, the budget is locked at once: a
/// right password among parallel guesses finds the lock when it finishes and does not get in. A right password alone
/// clears nothing (<see cref="CompleteSuccessAsync"/>); a sign-in that completed every step clears the failures that
/// stood when it began (<see cref="ClearFailuresAsync"/>), never a lock.
/// </summary>
public sealed class LoginLockout(IOptions<LoginOptions> options, TimeProvider time, FileBridgeMetrics? metrics = null)
{
    // Every attempt of every instance may race on one row; each retry reads it again.
    private const int MaxConcurrencyRetries = 50;

    // Attempts closer together than this are a script's, not a person typing: the window's last check
    // locks at once, as with checks still running. It also covers guesses that a loaded server receives
    // one after another although they were sent together.
    private static readonly TimeSpan BurstGap = TimeSpan.FromSeconds(2);

    // Reservations are used up but not yet decided; the running checks end within moments.
    private static readonly TimeSpan DecidingRetryAfter = TimeSpan.FromSeconds(1);

    // A right password waits at most this long (polls x interval) for the checks running beside it to be decided.
    private const int ConcurrentCheckPolls = 100;
    private static readonly TimeSpan ConcurrentCheckPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly LoginOptions _options = options.Value;

    /// <summary>Null when the name may be checked now; else how long until it may.</summary>
    public TimeSpan? RefusalFor(LoginState state)
    {
        var now = time.GetUtcNow();
        if (state.IsLockedAt(now))
        {
            return state.LockedUntil!.Value - now;
        }

        var live = state.LiveAt(now);
        return live.FailedLogins + live.PendingChecks >= _options.MaxFailedAttempts ? DecidingRetryAfter : null;
    }

    /// <summary>Reserves one check, or says how long until one may be reserved.</summary>
    public async Task<(LockoutTicket? Ticket, TimeSpan RetryAfter)> ReserveAsync(
        ILoginStateStore store, string userId, LoginState state, CancellationToken cancellationToken)
    {
        var (written, decision) = await UpdateAsync(store, userId, state, (current, now) =>
        {
            if (RefusalFor(current) is { } refusal)
            {
                return (null, (FailuresBefore: 0, RetryAfter: refusal, Locks: false));
            }

            var live = current.LiveAt(now);
            var next = live with { PendingChecks = live.PendingChecks + 1, WindowEndsAt = now + _options.LockoutDuration };
            var locks = live.FailedLogins + next.PendingChecks >= _options.MaxFailedAttempts && IsBurst(live, now);
            if (locks)
            {
                // The window's last check is taken while others still run, or right after them: guessing
                // by script. Lock now, so a right password among the guesses finds the lock when it ends.
                next = next with { FailedLogins = 0, LockedUntil = now + _options.LockoutDuration };
            }

            return (next, (FailuresBefore: live.FailedLogins, RetryAfter: TimeSpan.Zero, Locks: locks));
        }, cancellationToken);
        if (written is not null && decision.Locks)
        {
            metrics?.Locked(BudgetKind(store));
        }

        return written is null
            ? (null, decision.RetryAfter)
            : (new LockoutTicket(store, userId, written, decision.FailuresBefore, decision.Locks), TimeSpan.Zero);
    }

    /// <summary>Counts the reserved check as failed; true when this attempt locked the name (here or at its reservation).</summary>
    public async Task<bool> RecordFailureAsync(LockoutTicket ticket, CancellationToken cancellationToken)
    {
        var (_, locks) = await UpdateAsync(ticket.Store, ticket.UserId, ticket.Written, (current, now) =>
        {
            var live = Release(current.LiveAt(now));
            if (current.IsLockedAt(now))
            {
                // A standing lock already holds everything a failure would add.
                return (live, false);
            }

            var failures = live.FailedLogins + 1;
            return failures >= _options.MaxFailedAttempts
                ? (live with { FailedLogins = 0, LockedUntil = now + _options.LockoutDuration, WindowEndsAt = now + _options.LockoutDuration }, true)
                : (live with { FailedLogins = failures, WindowEndsAt = now + _options.LockoutDuration }, false);
        }, cancellationToken);
        if (locks)
        {
            metrics?.Locked(BudgetKind(ticket.Store));
        }

        return locks || ticket.LockedAtReservation;
    }

    /// <summary>
    /// Ends a check whose password was right, clearing no failure: that is for a sign-in that completed every step.
    /// Null: the sign-in may go on. Otherwise the budget was locked while the check ran (by parallel guesses), and
    /// the lock stands for the time returned.
    /// </summary>
    public async Task<TimeSpan?> CompleteSuccessAsync(LockoutTicket ticket, CancellationToken cancellationToken)
    {
        await AwaitConcurrentChecksAsync(ticket, cancellationToken);
        var (_, lockedFor) = await UpdateAsync(ticket.Store, ticket.UserId, ticket.Written, (current, now) =>
        {
            var live = Release(current.LiveAt(now));
            return (live, current.IsLockedAt(now) ? current.LockedUntil!.Value - now : (TimeSpan?)null);
        }, cancellationToken);
        return lockedFor;
    }

    // Other checks of this budget still running are guesses sent together with this one. A right password checked
    // first must neither slip in before the burst rule locks the budget nor free its reservation for one more
    // guess, so it keeps the reservation until the others are decided (bounded: a crashed instance's reservation
    // must not hold a person up for long).
    private async Task AwaitConcurrentChecksAsync(LockoutTicket ticket, CancellationToken cancellationToken)
    {
        for (var poll = 0; poll < ConcurrentCheckPolls; poll++)
        {
            var state = await ticket.Store.ReadAsync(ticket.UserId, cancellationToken);
            var now = time.GetUtcNow();
            if (state.IsLockedAt(now) || state.LiveAt(now).PendingChecks <= 1)
            {
                return;
            }

            // Real milliseconds, as in the ETag back-off: this waits for other requests, not for time to pass.
            await Task.Delay(ConcurrentCheckPollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// A sign-in completed every step: clears <paramref name="failures"/> failures of its budget (those that stood
    /// when its password check was reserved, plus its own failed steps). Failures that others added meanwhile stay,
    /// and so does a lock: a sign-in never clears a lock that was set after it began.
    /// </summary>
    public async Task ClearFailuresAsync(ILoginStateStore store, string key, int failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (failures <= 0)
        {
            return;
        }

        var state = await store.ReadAsync(key, cancellationToken);
        await UpdateAsync(store, key, state, (current, now) =>
        {
            var live = current.LiveAt(now);
            return live.FailedLogins == 0 || current.IsLockedAt(now)
                ? (null, true)
                : (live with { FailedLogins = Math.Max(0, live.FailedLogins - failures), LockedUntil = null }, true);
        }, cancellationToken);
    }

    /// <summary>Gives back a reservation whose check never ran (every password-check slot was taken).</summary>
    public Task CancelAsync(LockoutTicket ticket, CancellationToken cancellationToken) =>
        UpdateAsync(ticket.Store, ticket.UserId, ticket.Written, (current, now) => (Release(current.LiveAt(now)), true), cancellationToken);

    /// <summary>
    /// Optimistic concurrency: decide on the state as last seen, write with its ETag, and on a
    /// conflict read the row again and decide anew. A null next state ends without writing.
    /// </summary>
    private async Task<(LoginState? Written, T Decision)> UpdateAsync<T>(
        ILoginStateStore store, string userId, LoginState state, Func<LoginState, DateTimeOffset, (LoginState? Next, T Decision)> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var (next, decision) = decide(state, time.GetUtcNow());
            if (next is null)
            {
                return (null, decision);
            }

            if (await store.TryWriteAsync(userId, state, next, cancellationToken) is { } written)
            {
                return (written, decision);
            }

            if (attempt > 0)
            {
                // A first conflict only means the state was seen a while ago; repeated ones are writers
                // colliding, and jitter spreads them. A few real milliseconds, not the app's clock: this waits
                // for the other writers, not for time to pass (a test's fake clock would never let it end).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + attempt * 5)), cancellationToken);
            }

            state = await store.ReadAsync(userId, cancellationToken);
        }

        // Never the name: it may be a password typed into the wrong field, and exception messages reach logs.
        throw new InvalidOperationException($"Could not update a sign-in state after {MaxConcurrencyRetries} attempts: writers kept colliding.");
    }

    /// <summary>Other checks still run, or the last attempt was moments ago (the window is renewed by every attempt).</summary>
    private bool IsBurst(LoginState live, DateTimeOffset now) =>
        live.PendingChecks > 0 || (live.WindowEndsAt is { } end && now - (end - _options.LockoutDuration) < BurstGap);

    /// <summary>The metric's tag: which kind of budget got locked (never whose).</summary>
    private static string BudgetKind(ILoginStateStore store) => store switch
    {
        DeviceLoginStateStore => "device",
        UnknownNameLoginStateStore => "unknown-name",
        _ => "account",
    };

    private static LoginState Release(LoginState live) => live with { PendingChecks = Math.Max(0, live.PendingChecks - 1) };
}
