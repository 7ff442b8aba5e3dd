namespace FileBridge.Core.Health;

/// <summary>
/// Readiness checks known only once settings are bound, e.g. one per configured location; the probe runs them
/// beside the checks registered one by one.
/// </summary>
public interface IReadinessCheckSource
{
    IReadOnlyList<IReadinessCheck> Checks { get; }
}
