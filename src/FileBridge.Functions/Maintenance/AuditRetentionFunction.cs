using FileBridge.Core.Audit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Maintenance;

/// <summary>Removes audit rows older than <c>Audit:RetentionDays</c>, once a day.</summary>
public sealed class AuditRetentionFunction(ILogger<AuditRetentionFunction> logger, AuditRetention retention)
{
    /// <summary>03:30 UTC daily: one pass deletes whole day partitions, so once a day keeps the table at the retention.</summary>
    public const string Schedule = "0 30 3 * * *";

    [Function(nameof(AuditRetentionFunction))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var deleted = await retention.RunAsync(cancellationToken);
        logger.LogDebug("Audit retention pass done ({Count} rows, past due: {PastDue})", deleted, timer.IsPastDue);
    }
}
