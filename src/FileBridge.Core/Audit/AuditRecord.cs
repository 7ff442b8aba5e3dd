namespace FileBridge.Core.Audit;

/// <summary>One stored row of the Audit table, as <c>audit list</c> shows it.</summary>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string Action,
    string? UserId,
    string? Target,
    string? Outcome,
    string? ClientAddress,
    string? RoleSessionName,
    string? RequestId);
