using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Core.Health;

/// <summary>
/// The health checks behind <c>GET /api/health/ready</c>: <c>users</c>, <c>sts</c> and one <c>s3:&lt;location&gt;</c>
/// per location, each a <see cref="IHealthCheck"/> tagged <see cref="Tag"/> and with its own name as a tag.
/// </summary>
public static class ReadinessChecks
{
    /// <summary>Every readiness check carries this tag; <see cref="ReadinessReport"/> runs exactly those.</summary>
    public const string Tag = "ready";

    public const string Users = "users";

    public const string Sts = "sts";

    /// <summary>
    /// Each check is bounded: a dependency that hangs is not ready, and the probe itself always answers. A location's
    /// first probe makes three calls in a row (AssumeRole, a listing, a ranged read) on clients used for the first time.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Adds a readiness check once: registering the same name again (a second Add... call) changes nothing.</summary>
    public static void Add(HealthCheckServiceOptions options, string name, Func<IServiceProvider, IHealthCheck> factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Registrations.Any(r => r.Name == name))
        {
            return;
        }

        options.Registrations.Add(new HealthCheckRegistration(name, factory, HealthStatus.Unhealthy, [Tag, name], Timeout));
    }

    /// <summary>Adds the check <typeparamref name="T"/> under <paramref name="name"/>, created from the container.</summary>
    public static void Add<T>(HealthCheckServiceOptions options, string name)
        where T : class, IHealthCheck =>
        Add(options, name, sp => ActivatorUtilities.GetServiceOrCreateInstance<T>(sp));
}
