using FileBridge.Core.PendingSteps;

namespace FileBridge.Core.SignIn;

/// <summary>A step that was just finished (the only caller that got it back from the store) and what it proved.</summary>
/// <param name="Step">The finished pending row.</param>
/// <param name="Amr">How the person has authenticated now (a second factor adds to <c>pwd</c>).</param>
/// <param name="StepFailures">Failed attempts inside this step, cleared with the rest when the sign-in completes.</param>
/// <param name="RecoveryCodes">Codes made by this step (a first factor), shown with the final answer.</param>
public sealed record StepCompletion(PendingStep Step, string Amr, int StepFailures = 0, IReadOnlyList<string>? RecoveryCodes = null);
