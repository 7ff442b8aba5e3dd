using Amazon.S3;
using Amazon.S3.Model;

namespace FileBridge.Core.Aws;

/// <summary>
/// Reads a location the way a person would: assumes its role (credentials kept until shortly before they expire, so
/// probing does not mean an STS call each time), lists one page of its keys and reads the first byte of one file.
/// The read is what proves the role may decrypt a KMS-encrypted bucket: a listing alone would pass without it.
/// </summary>
public sealed class BucketProbe(StsRoleAssumer assumer, S3ClientFactory s3Clients, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan ProbeSessionDuration = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, IAmazonS3 S3)> sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>True when the bucket answered; false when the role was refused or the bucket cannot be read.</summary>
    public async Task<bool> CanReadAsync(BucketLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        IAmazonS3 s3;
        try
        {
            s3 = await ClientForAsync(location, cancellationToken);
        }
        catch (UpstreamUnavailableException)
        {
            return false;
        }

        try
        {
            var page = await s3.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Prefix ?? "", MaxKeys = 20 },
                cancellationToken);
            // Folder markers and empty files cannot be read by range; any other file shows whether reading works.
            var file = page.S3Objects?.FirstOrDefault(o => o.Size > 0);
            if (file is not null)
            {
                using var first = await s3.GetObjectAsync(
                    new GetObjectRequest { BucketName = location.Bucket, Key = file.Key, ByteRange = new ByteRange(0, 0) },
                    cancellationToken);
            }

            return true;
        }
        catch (AmazonS3Exception e)
        {
            // NoSuchBucket and AccessDenied (role policy, bucket policy or kms:Decrypt) are answers about the location;
            // only credentials S3 no longer accepts are worth replacing.
            if (e.ErrorCode is "ExpiredToken" or "InvalidToken" or "InvalidAccessKeyId" or "TokenRefreshRequired")
            {
                await ForgetAsync(location);
            }

            return false;
        }
    }

    public void Dispose()
    {
        foreach (var (_, s3) in sessions.Values)
        {
            s3.Dispose();
        }

        sessions.Clear();
        gate.Dispose();
    }

    private async Task<IAmazonS3> ClientForAsync(BucketLocation location, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (sessions.TryGetValue(location.RoleArn, out var session) && timeProvider.GetUtcNow() < session.ExpiresAt - RenewBefore)
            {
                return session.S3;
            }

            var credentials = await assumer.AssumeAsync(location.RoleArn, RoleSessionNames.ReadinessProbeName, null, ProbeSessionDuration, cancellationToken);
            var s3 = s3Clients.Create(credentials.ToAwsCredentials());
            if (sessions.Remove(location.RoleArn, out var old))
            {
                old.S3.Dispose();
            }

            sessions[location.RoleArn] = (credentials.ExpiresAt, s3);
            return s3;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ForgetAsync(BucketLocation location)
    {
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            if (sessions.Remove(location.RoleArn, out var old))
            {
                old.S3.Dispose();
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
