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

    public sealed record LockedOut(TimeSpan RetryAfter) : LoginOutcome;
}
