namespace FileBridge.Core.Aws;

/// <summary>Every bucket the app reads, each with its role: what readiness must be able to reach.</summary>
public interface IBucketLocations
{
    IReadOnlyList<BucketLocation> All { get; }
}
