using Microsoft.Extensions.Hosting;

namespace FileBridge.Core.Audit;

/// <summary>Stores the rows <see cref="AuditTrail.Post"/> queued, one at a time, and what is left when the host stops.</summary>
public sealed class AuditQueueWriter(AuditTrail trail, AuditTable table) : BackgroundService
{
    // On shutdown the queue gets this long to empty; rows still waiting then are lost and counted.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await trail.Queue.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            trail.Complete();
            using var drain = new CancellationTokenSource(DrainTimeout);
            await DrainAsync(drain.Token);
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && trail.Queue.TryRead(out var item))
        {
            try
            {
                await table.WriteAsync(item.Event, item.Time, cancellationToken);
            }
            catch (Exception e)
            {
                trail.Failed(item.Event.Action, e);
            }
        }
    }
}
