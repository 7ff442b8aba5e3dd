using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Core.Health;

/// <summary>
/// Runs the readiness checks (<see cref="ReadinessChecks"/>) and keeps the report for <see cref="CacheFor"/>: however
/// often readiness is asked, the user table, STS and each bucket see at most one probe in that time, and concurrent
/// askers share one run.
/// </summary>
public sealed class ReadinessReport(HealthCheckService health, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private Task<HealthReport>? _current;
    private DateTimeOffset _freshUntil = DateTimeOffset.MinValue;

    public Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is null || (_current.IsCompleted && timeProvider.GetUtcNow() >= _freshUntil))
            {
                _current = RunAsync();
            }

            return _current.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        // The shared run ignores any one caller's token (one caller giving up must not fail the others); each check is
        // bounded by its registration's timeout instead.
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadinessChecks.Tag), CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _freshUntil = timeProvider.GetUtcNow() + CacheFor;
        }

        return report;
    }
}
