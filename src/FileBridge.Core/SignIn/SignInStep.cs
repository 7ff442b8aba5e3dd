namespace FileBridge.Core.SignIn;

/// <summary>What comes next in a sign-in, in the contract's order.</summary>
public enum SignInStep
{
    SecondFactor,
    ChangePassword,
    Enroll,

    /// <summary>Under <c>Required</c>, no factor, and enrolment is not open to this browser: 403 <c>enrollment_needs_operator</c>.</summary>
    EnrollmentNeedsOperator,

    /// <summary>Every step that applies is done: the session starts.</summary>
    SignedIn,
}
