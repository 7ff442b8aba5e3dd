namespace FileBridge.Core.Aws;

/// <summary>A request's use of cached credentials; disposing it lets the cache dispose of a replaced S3 client.</summary>
public sealed class AssumedRoleLease : IDisposable
{
    private int _released;

    internal AssumedRoleLease(AssumedRoleSession session) => Session = session;

    public AssumedRoleSession Session { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Session.Release();
        }
    }
}
