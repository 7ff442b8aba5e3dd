namespace FileBridge.Core.SignIn;

/// <summary>What a counted check (a code, a recovery code, a re-authentication's password) came to.</summary>
public abstract record CheckOutcome
{
    private CheckOutcome()
    {
    }

    public sealed record Accepted : CheckOutcome;

    /// <param name="LockedNow">This failure used up the budget and locked it.</param>
    public sealed record Refused(bool LockedNow) : CheckOutcome;

    /// <summary>The budget is locked (or was locked while this check ran): 429 <c>too_many_attempts</c>.</summary>
    public sealed record Locked(TimeSpan RetryAfter) : CheckOutcome;
}
