namespace FileBridge.Core.Aws;

/// <summary>A named bucket and the role it is read through, as readiness probes it.</summary>
/// <param name="Name">The location's name; the readiness check is called <c>s3:&lt;Name&gt;</c>.</param>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="RoleArn">The role assumed to read it.</param>
/// <param name="Prefix">The subtree of the bucket the location covers; null or empty for the whole bucket.</param>
public sealed record BucketLocation(string Name, string Bucket, string RoleArn, string? Prefix = null)
{
    public string CheckName => $"s3:{Name}";
}
