using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;

namespace FileBridge.Core.SignIn;

/// <summary>What decides the next step of a sign-in.</summary>
/// <param name="Policy"><c>Login:SecondFactor</c>.</param>
/// <param name="Factors">The person's factors now.</param>
/// <param name="NoSecondFactor">A service account: a password alone is enough under <c>Required</c>.</param>
/// <param name="Amr">How the person has authenticated so far (<see cref="Sessions.SessionAmr"/>).</param>
/// <param name="TemporaryPassword">A temporary password was used in this sign-in.</param>
/// <param name="KnownDevice">The browser carries the person's valid device cookie.</param>
/// <param name="EnrollWindowOpen"><c>Login:EnrollWithPasswordUntil</c> has not passed.</param>
/// <param name="Finished">The step just finished; only the steps after it are left. Null right after the first credential.</param>
public sealed record SignInFacts(
    SecondFactorPolicy Policy,
    FactorSummary Factors,
    bool NoSecondFactor,
    string Amr,
    bool TemporaryPassword,
    bool KnownDevice,
    bool EnrollWindowOpen,
    PendingStepKind? Finished = null);
