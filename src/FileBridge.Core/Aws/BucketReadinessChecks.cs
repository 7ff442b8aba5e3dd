using FileBridge.Core.Health;

namespace FileBridge.Core.Aws;

/// <summary>One <see cref="BucketReadinessCheck"/> per location, created once: each keeps its own cached answer.</summary>
public sealed class BucketReadinessChecks(IBucketLocations locations, BucketProbe probe, TimeProvider timeProvider) : IReadinessCheckSource
{
    private readonly Lazy<IReadOnlyList<IReadinessCheck>> checks = new(() =>
        [.. locations.All.Select(location => new BucketReadinessCheck(location, probe, timeProvider))]);

    public IReadOnlyList<IReadinessCheck> Checks => checks.Value;
}
