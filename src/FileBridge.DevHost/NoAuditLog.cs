using FileBridge.Core.Audit;

namespace FileBridge.DevHost;

/// <summary>
/// Drops every row. Only for measuring what the audit trail costs (<c>DevHost:DisableAudit=true</c>, used by the
/// benchmarks); the Functions app has no such setting.
/// </summary>
public sealed class NoAuditLog : IAuditLog
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Post(AuditEvent auditEvent)
    {
    }
}
