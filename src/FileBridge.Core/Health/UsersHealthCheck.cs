using FileBridge.Core.Users;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Core.Health;

/// <summary><c>users</c>: the user table answers.</summary>
public sealed class UsersHealthCheck(IUserStore users) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await users.CanReachAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The user table did not answer.");
}
