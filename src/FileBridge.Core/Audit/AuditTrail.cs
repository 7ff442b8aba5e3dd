using System.Threading.Channels;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FileBridge.Core.Audit;

/// <summary>
/// The app's <see cref="IAuditLog"/>: <see cref="RecordAsync"/> writes the row before returning (download links);
/// <see cref="Post"/> stamps the time and hands the row to <see cref="AuditQueueWriter"/>, so a listing or a sign-in
/// never waits for the audit table.
/// </summary>
public sealed partial class AuditTrail(AuditTable table, FileBridgeMetrics metrics, TimeProvider time, ILogger<AuditTrail> logger) : IAuditLog
{
    /// <summary>Rows waiting for the writer; beyond this (the audit table down for a long while) new rows are dropped and counted.</summary>
    public const int QueueCapacity = 10_000;

    private readonly Channel<(AuditEvent Event, DateTimeOffset Time)> _queue =
        Channel.CreateBounded<(AuditEvent, DateTimeOffset)>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<(AuditEvent Event, DateTimeOffset Time)> Queue => _queue.Reader;

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            await table.WriteAsync(auditEvent, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed(auditEvent.Action, e);
            throw new AuditUnavailableException("The audit trail cannot be written right now.", e);
        }
    }

    public void Post(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!_queue.Writer.TryWrite((auditEvent, time.GetUtcNow())))
        {
            Failed(auditEvent.Action, null);
        }
    }

    internal void Failed(string action, Exception? exception)
    {
        metrics.AuditWriteFailed(action);
        // The row's content stays out of the log: the type of fault is enough to act on.
        LogWriteFailed(logger, action, exception?.GetType().Name ?? "queue full");
    }

    internal void Complete() => _queue.Writer.TryComplete();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An audit row for {Action} could not be stored: {Fault}")]
    private static partial void LogWriteFailed(ILogger logger, string action, string fault);
}
