using FileBridge.Core.Sessions;

namespace FileBridge.Core.Login;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record LoginOutcome
{
    private LoginOutcome()
    {
    }

    public sealed record SignedIn(StartedSession Session) : LoginOutcome;

    /// <summary>Unknown user, wrong password or disabled account: deliberately indistinguishable.</summary>
    public sealed record InvalidCredentials : LoginOutcome;

    /// <summary>The name is locked, or its checks for this window are taken: 429 <c>too_many_attempts</c>.</summary>
    public sealed record LockedOut(TimeSpan RetryAfter) : LoginOutcome;

    /// <summary>Too many sign-ins for this name lately: 429 <c>rate_limited</c>.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : LoginOutcome;

    /// <summary>Every password check of this instance is taken: 503 <c>busy</c>; nothing was checked.</summary>
    public sealed record Busy(TimeSpan RetryAfter) : LoginOutcome;
}
