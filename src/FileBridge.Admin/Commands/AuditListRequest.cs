namespace FileBridge.Admin.Commands;

/// <summary>The filters of <c>audit list</c> as typed.</summary>
public sealed record AuditListRequest(string? User, string? Action, string? Since, int Limit, bool Json);
