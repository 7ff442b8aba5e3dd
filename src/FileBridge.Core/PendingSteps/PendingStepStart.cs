namespace FileBridge.Core.PendingSteps;

/// <summary>What a new pending step records; see <see cref="PendingStep"/>.</summary>
/// <param name="DeviceId">The known browser whose budget the sign-in counts in; null: the person's untrusted budget.</param>
/// <param name="Failures">Failures a completed sign-in clears: those standing when its password was checked, plus its failed steps so far.</param>
public sealed record PendingStepStart(
    string UserId,
    PendingStepKind Step,
    string Amr,
    bool TemporaryPassword,
    string? SecurityStamp,
    string? CreatedFrom,
    string? DeviceId = null,
    int Failures = 0);
