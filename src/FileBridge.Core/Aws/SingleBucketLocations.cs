using FileBridge.Core.Files;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>
/// The one location of a deployment without <c>Files:Locations</c>: <c>Files:Bucket</c> read through
/// <c>Aws:RoleArn</c>, named after the bucket (so its readiness check is <c>s3:&lt;bucket&gt;</c>).
/// </summary>
public sealed class SingleBucketLocations(IOptions<FilesOptions> files, IOptions<AwsOptions> aws) : IBucketLocations
{
    public IReadOnlyList<BucketLocation> All => [new(files.Value.Bucket, files.Value.Bucket, aws.Value.RoleArn)];
}
