namespace FileBridge.Core.Health;

/// <summary>Runs every readiness check at once, each bounded in time, and reports which failed.</summary>
public sealed class ReadinessProbe(IEnumerable<IReadinessCheck> checks, IEnumerable<IReadinessCheckSource> sources)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyDictionary<string, bool>> RunAsync(CancellationToken cancellationToken)
    {
        var all = checks.Concat(sources.SelectMany(source => source.Checks));
        var results = await Task.WhenAll(all.Select(async check => (check.Name, Ready: await RunOneAsync(check, cancellationToken))));
        return results.ToDictionary(r => r.Name, r => r.Ready);
    }

    private static async Task<bool> RunOneAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return await check.IsReadyAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // A dependency that throws is simply not ready; the probe itself must always answer.
            return false;
        }
    }
}
