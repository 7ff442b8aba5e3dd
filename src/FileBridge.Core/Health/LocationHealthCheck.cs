using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Core.Health;

/// <summary>
/// <c>s3:&lt;location&gt;</c>: the location's role can be assumed and its bucket read, with credentials from the same
/// cache requests use (under the probe's own session name), so probing does not mean an STS call each time.
/// </summary>
public sealed class LocationHealthCheck(FileLocation location, S3Gateway s3) : IHealthCheck
{
    /// <summary><c>s3:</c> and the location's name, or the bucket's name for the one unnamed location.</summary>
    public static string NameOf(FileLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return $"s3:{location.DisplayName}";
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var target = new ReadTarget(location, location.Prefix, RoleRequest.ForReadiness(location));
        return await s3.ProbeAsync(target, cancellationToken) is { } failure
            ? HealthCheckResult.Unhealthy($"The location's bucket could not be read ({failure.Kind}).")
            : HealthCheckResult.Healthy();
    }
}
