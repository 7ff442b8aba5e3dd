using FileBridge.Core.Login;
using FileBridge.Core.PendingSteps;

namespace FileBridge.Core.SignIn;

/// <summary>Where a sign-in stands after a credential or a step: signed in, a step pending, or refused.</summary>
public abstract record SignInProgress
{
    private SignInProgress()
    {
    }

    /// <summary>200: the session (and device cookie) to set; <see cref="RecoveryCodes"/> when they were just made.</summary>
    public sealed record SignedIn(LoginOutcome.SignedIn Outcome, IReadOnlyList<string>? RecoveryCodes = null) : SignInProgress;

    /// <summary>202: the step that comes next, its cookie and the methods to offer.</summary>
    public sealed record Pending(PendingStepKind Step, PendingStepTicket Ticket, IReadOnlyList<string>? Methods, string UserId) : SignInProgress;

    /// <summary>403 <c>enrollment_needs_operator</c>.</summary>
    public sealed record NeedsOperator(string UserId) : SignInProgress;

    /// <summary>401 <c>step_expired</c>: the step is gone, or the account changed since it began.</summary>
    public sealed record StepExpired : SignInProgress;
}
