namespace FileBridge.Core.PendingSteps;

/// <summary>The steps of sign-in after the password, in the order they come.</summary>
public enum PendingStepKind
{
    SecondFactor,
    ChangePassword,
    Enroll,
}
