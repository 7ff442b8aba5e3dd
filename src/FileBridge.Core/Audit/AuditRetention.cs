using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Audit;

/// <summary>Removes audit rows older than <see cref="AuditOptions.RetentionDays"/>; run by a timer.</summary>
public sealed partial class AuditRetention(AuditTable table, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var deleted = await table.DeleteOlderThanAsync(cutoff, cancellationToken);
        LogRemoved(logger, deleted, cutoff);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} audit rows older than {Cutoff}")]
    private static partial void LogRemoved(ILogger logger, int count, DateTimeOffset cutoff);
}
