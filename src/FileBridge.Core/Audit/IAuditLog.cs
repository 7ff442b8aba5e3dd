namespace FileBridge.Core.Audit;

/// <summary>Where the app's code records events for the audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Stores the row before returning; throws <see cref="AuditUnavailableException"/> when it cannot.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Queues the row and returns at once: for events whose answer may go out before the row is stored.</summary>
    void Post(AuditEvent auditEvent);
}
