using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Core.Health;

/// <summary>
/// <c>sts</c>: the broker can still assume the role of every location (each distinct role once). It calls STS itself
/// rather than using cached credentials, since cached ones would hide a broken trust policy or a revoked broker key
/// for as long as they last. GetCallerIdentity would be cheaper, but the local endpoint does not implement it, and
/// AssumeRole also proves the trust policy. <see cref="ReadinessReport"/> keeps the answer, so probes do not become STS traffic.
/// </summary>
public sealed class StsHealthCheck(IRoleAssumer assumer, FileLocations locations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var location in locations.All.DistinctBy(l => l.RoleArn, StringComparer.Ordinal))
            {
                await assumer.AssumeAsync(RoleRequest.ForReadiness(location), cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (UpstreamUnavailableException)
        {
            return HealthCheckResult.Unhealthy("A location's role could not be assumed.");
        }
    }
}
