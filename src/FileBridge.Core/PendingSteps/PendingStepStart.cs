namespace FileBridge.Core.PendingSteps;

/// <summary>What a new pending step records; see <see cref="PendingStep"/>.</summary>
public sealed record PendingStepStart(
    string UserId,
    PendingStepKind Step,
    string Amr,
    bool TemporaryPassword,
    string? SecurityStamp,
    string? CreatedFrom);
