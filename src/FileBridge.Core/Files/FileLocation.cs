namespace FileBridge.Core.Files;

/// <summary>One place people browse: a bucket, optionally only a subtree of it, read through its own role.</summary>
/// <param name="Name">The first segment of the namespace; "" when <c>Files:Bucket</c> alone is configured.</param>
/// <param name="Bucket">The S3 bucket.</param>
/// <param name="Prefix">The subtree of the bucket ("" or a folder prefix ending in '/').</param>
/// <param name="RoleArn">The role assumed to read it; it may sit in another AWS account.</param>
/// <param name="Region">The bucket's region.</param>
public sealed record FileLocation(string Name, string Bucket, string Prefix, string RoleArn, string Region)
{
    /// <summary>How operators know it (readiness, logs): its name, or the bucket's for the one unnamed location.</summary>
    public string DisplayName => Name.Length > 0 ? Name : Bucket;
}
