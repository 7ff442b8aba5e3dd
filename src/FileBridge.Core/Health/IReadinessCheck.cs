namespace FileBridge.Core.Health;

/// <summary>One dependency that must answer before the app can serve people.</summary>
public interface IReadinessCheck
{
    /// <summary>Short name reported by /api/health/ready, e.g. "users" or "sts".</summary>
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
