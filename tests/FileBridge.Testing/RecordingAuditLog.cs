using System.Collections.Concurrent;
using FileBridge.Core.Audit;

namespace FileBridge.Testing;

/// <summary>An <see cref="IAuditLog"/> that keeps what it is given, and can refuse awaited writes like an unreachable table.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEvent> _events = new();

    public bool Unreachable { get; set; }

    public IReadOnlyList<AuditEvent> Events => [.. _events];

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new AuditUnavailableException("The audit table is unreachable (test).");
        }

        _events.Enqueue(auditEvent);
        return Task.CompletedTask;
    }

    public void Post(AuditEvent auditEvent) => _events.Enqueue(auditEvent);
}
