namespace FileBridge.Core.PendingSteps;

/// <summary>Whether a pending step may check one more code.</summary>
public enum CodeAttempt
{
    /// <summary>Counted; check the code.</summary>
    Allowed,

    /// <summary>The step is missing, expired, finished, or has taken its codes: <c>step_expired</c>.</summary>
    StepExpired,
}
