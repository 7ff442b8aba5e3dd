namespace FileBridge.Core.Audit;

/// <summary>
/// One event for the audit trail, as the code that saw it knows it. <see cref="Target"/> is a prefix or key, never a URL;
/// <see cref="Outcome"/> is the HTTP status and problem code (<c>200</c>, <c>403 forbidden_prefix</c>) or, for the
/// admin tool, the exit code (<c>exit 0</c>).
/// </summary>
public sealed record AuditEvent(
    string Action,
    string? UserId,
    string? Target,
    string Outcome,
    string? ClientAddress = null,
    string? RoleSessionName = null,
    string? RequestId = null);
