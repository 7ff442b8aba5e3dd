using Amazon.S3;

namespace FileBridge.Core.Aws;

/// <summary>Cached assumed-role credentials with the S3 client that uses them.</summary>
public sealed class AssumedRoleSession(RoleCredentials credentials, IAmazonS3 s3, DateTimeOffset refreshAt)
{
    public RoleCredentials Credentials { get; } = credentials;

    public IAmazonS3 S3 { get; } = s3;

    /// <summary>From this moment the cache fetches new credentials in the background while still serving these.</summary>
    public DateTimeOffset RefreshAt { get; } = refreshAt;

    public DateTimeOffset ExpiresAt => Credentials.ExpiresAt;
}
