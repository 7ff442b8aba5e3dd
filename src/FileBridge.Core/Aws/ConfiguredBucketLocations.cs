using FileBridge.Core.Files;

namespace FileBridge.Core.Aws;

/// <summary>
/// The configured locations as readiness sees them: each <c>Files:Locations</c> entry under its own name, or,
/// without locations, <c>Files:Bucket</c> named after the bucket (so its check is <c>s3:&lt;bucket&gt;</c>).
/// </summary>
public sealed class ConfiguredBucketLocations(FileLocations locations) : IBucketLocations
{
    public IReadOnlyList<BucketLocation> All { get; } = locations.All
        .Select(l => new BucketLocation(l.Name.Length > 0 ? l.Name : l.Bucket, l.Bucket, l.RoleArn, l.Prefix.Length > 0 ? l.Prefix : null))
        .ToList();
}
