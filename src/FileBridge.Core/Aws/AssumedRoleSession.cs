using Amazon.S3;

namespace FileBridge.Core.Aws;

/// <summary>
/// Cached assumed-role credentials with the S3 client that uses them. Requests hold a lease while they use the
/// client; once the cache has replaced the credentials (renewed, thrown away, expired), the client is disposed
/// when the last lease ends, never under a request that is still using it.
/// </summary>
public sealed class AssumedRoleSession(RoleCredentials credentials, IAmazonS3 s3, DateTimeOffset refreshAt)
{
    private readonly Lock _gate = new();
    private int _leases;
    private bool _retired;
    private bool _disposed;
    private volatile bool _hasWorked;

    public RoleCredentials Credentials { get; } = credentials;

    public IAmazonS3 S3 { get; } = s3;

    /// <summary>From this moment the cache fetches new credentials in the background while still serving these.</summary>
    public DateTimeOffset RefreshAt { get; } = refreshAt;

    public DateTimeOffset ExpiresAt => Credentials.ExpiresAt;

    /// <summary>True once a call with these credentials succeeded: a later signature refusal then means they went bad.</summary>
    public bool HasWorked => _hasWorked;

    /// <summary>True once the cache replaced these credentials and no request uses their client any more.</summary>
    public bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    public void MarkWorked() => _hasWorked = true;

    internal bool TryAcquire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _leases++;
            return true;
        }
    }

    internal void Release()
    {
        lock (_gate)
        {
            _leases--;
            if (!ShouldDisposeNow())
            {
                return;
            }
        }

        S3.Dispose();
    }

    /// <summary>The cache no longer hands these out; the client goes when the last lease ends.</summary>
    internal void Retire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return;
            }

            _retired = true;
            if (!ShouldDisposeNow())
            {
                return;
            }
        }

        S3.Dispose();
    }

    private bool ShouldDisposeNow()
    {
        if (!_retired || _leases > 0 || _disposed)
        {
            return false;
        }

        _disposed = true;
        return true;
    }
}
