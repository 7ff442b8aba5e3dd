using FileBridge.Core.Health;

namespace FileBridge.Core.Aws;

/// <summary>
/// <c>s3:&lt;location&gt;</c> readiness: the location's role can be assumed and its bucket read. The answer is kept for
/// <see cref="CacheFor"/>, and concurrent probes share one look, so however often readiness is asked AWS sees at most
/// one listing (and one ranged read) per location in that time.
/// </summary>
public sealed class BucketReadinessCheck(BucketLocation location, BucketProbe probe, TimeProvider timeProvider) : IReadinessCheck
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset Until, bool Ready) last;

    public string Name => location.CheckName;

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (timeProvider.GetUtcNow() < last.Until)
        {
            return last.Ready;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (timeProvider.GetUtcNow() < last.Until)
            {
                return last.Ready;
            }

            var ready = await probe.CanReadAsync(location, cancellationToken);
            last = (timeProvider.GetUtcNow() + CacheFor, ready);
            return ready;
        }
        finally
        {
            gate.Release();
        }
    }
}
