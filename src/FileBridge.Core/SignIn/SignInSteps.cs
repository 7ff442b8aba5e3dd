using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;

namespace FileBridge.Core.SignIn;

/// <summary>
/// The sign-in state machine of "Signing in, v3", in one place: after the first credential, each step in order
/// and only when it applies: <c>second-factor</c> (the person has a factor and the policy is not <c>Off</c>),
/// <c>change-password</c> (a temporary password was used), <c>enroll</c> (<c>Required</c>, no factor), then signed
/// in. Enrolment with a password alone is open only after a temporary password, to a browser with the person's
/// device cookie, or inside the operator's window: whoever merely has a colleague's password cannot make their own
/// factor that colleague's.
/// </summary>
public static class SignInSteps
{
    public static SignInStep Next(SignInFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (IsLeft(facts, PendingStepKind.SecondFactor)
            && facts.Policy != SecondFactorPolicy.Off && facts.Factors.HasFactor && !SessionAmr.HasSecondFactor(facts.Amr))
        {
            return SignInStep.SecondFactor;
        }

        if (IsLeft(facts, PendingStepKind.ChangePassword) && facts.TemporaryPassword)
        {
            return SignInStep.ChangePassword;
        }

        if (IsLeft(facts, PendingStepKind.Enroll)
            && facts.Policy == SecondFactorPolicy.Required && !facts.Factors.HasFactor && !facts.NoSecondFactor)
        {
            return facts.TemporaryPassword || facts.KnownDevice || facts.EnrollWindowOpen
                ? SignInStep.Enroll
                : SignInStep.EnrollmentNeedsOperator;
        }

        return SignInStep.SignedIn;
    }

    /// <summary>The pending step for <paramref name="step"/>; only the three steps have one.</summary>
    public static PendingStepKind KindOf(SignInStep step) => step switch
    {
        SignInStep.SecondFactor => PendingStepKind.SecondFactor,
        SignInStep.ChangePassword => PendingStepKind.ChangePassword,
        SignInStep.Enroll => PendingStepKind.Enroll,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Only the three steps of a sign-in have a pending row."),
    };

    /// <summary>The methods a 202 offers: the person's (passkey, totp, recovery) for the second factor, both kinds for enrolment.</summary>
    public static IReadOnlyList<string>? MethodsOf(SignInStep step, FactorSummary factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return step switch
        {
            SignInStep.SecondFactor => factors.Methods,
            SignInStep.Enroll => ["passkey", "totp"],
            _ => null,
        };
    }

    private static bool IsLeft(SignInFacts facts, PendingStepKind step) => facts.Finished is not { } finished || step > finished;
}
