using Microsoft.Extensions.Hosting;

namespace FileBridge.Core.Audit;

/// <summary>
/// Stores the rows <see cref="AuditTrail.Post"/> queued, in batches (whatever gathered during one
/// <see cref="AuditGathering"/>, up to a transaction per shard at once), and what is left when the host stops. Each
/// row that cannot be stored is counted, never its batch-mates.
/// </summary>
public sealed class AuditQueueWriter(AuditTrail trail, AuditTable table, AuditGathering gathering) : BackgroundService
{
    // On shutdown the queue gets this long to empty; rows still waiting then are lost and counted.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    // A transaction holds 100 rows of one partition; this many fill one per shard of the largest Audit:Shards.
    private const int MaxRowsPerDrain = 100 * 99;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await trail.Queue.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(gathering.Period, stoppingToken);
                await DrainAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What is left is written by StopAsync.
        }
    }

    /// <summary>
    /// Writes what is left once the loop has ended. Here rather than at the end of the loop: a host that stops right
    /// after starting cancels the loop before it ever runs, and its rows would be lost.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        trail.Complete();
        using var drain = new CancellationTokenSource(DrainTimeout);
        await DrainAsync(drain.Token);
    }

    /// <summary>
    /// Writes what has gathered. Rows arriving meanwhile wait for the next gathering rather than making a small
    /// transaction of their own; only a backlog larger than one drain (the table was slow) is written at once.
    /// </summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(AuditEvent Event, DateTimeOffset Time)>(MaxRowsPerDrain);
        do
        {
            batch.Clear();
            while (batch.Count < MaxRowsPerDrain && trail.Queue.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch, cancellationToken);
            }
        }
        while (batch.Count == MaxRowsPerDrain && !cancellationToken.IsCancellationRequested);
    }

    private async Task WriteAsync(List<(AuditEvent Event, DateTimeOffset Time)> batch, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var failed in await table.WriteBatchAsync(batch, cancellationToken))
            {
                trail.Failed(failed.Action, null);
            }
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                trail.Failed(item.Event.Action, e);
            }
        }
    }
}
