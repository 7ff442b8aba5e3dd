using FileBridge.Core.Login;

namespace FileBridge.Core.SignIn;

/// <summary>
/// Counts a code exactly as the lockout counts a password: a check is reserved in the person's budget (the known
/// browser's, or the untrusted one) BEFORE the code is looked at, so however many codes arrive at once, at most
/// <c>Login:MaxFailedAttempts</c> are checked per window, and a right code checked beside locking guesses finds the
/// lock. A right code clears nothing: only a sign-in that completes every step does.
/// </summary>
public sealed class BudgetedCheck(LoginStateStores states, LoginLockout lockout)
{
    public async Task<CheckOutcome> RunAsync(LoginBudget budget, Func<CancellationToken, Task<bool>> check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(check);
        var store = states.For(budget, isAccount: true);
        var state = await store.ReadAsync(budget.Key, cancellationToken);
        var (ticket, retryAfter) = await lockout.ReserveAsync(store, budget.Key, state, cancellationToken);
        if (ticket is null)
        {
            return new CheckOutcome.Locked(retryAfter);
        }

        bool right;
        try
        {
            right = await check(cancellationToken);
        }
        catch
        {
            // Never checked (a storage fault): give the reservation back so it cannot shrink the budget.
            await lockout.CancelAsync(ticket, CancellationToken.None);
            throw;
        }

        // Decided: written even if the caller has gone.
        if (!right)
        {
            return new CheckOutcome.Refused(await lockout.RecordFailureAsync(ticket, CancellationToken.None));
        }

        return await lockout.CompleteSuccessAsync(ticket, CancellationToken.None) is { } lockedFor
            ? new CheckOutcome.Locked(lockedFor)
            : new CheckOutcome.Accepted();
    }
}
