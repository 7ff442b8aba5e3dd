using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>What <see cref="ApiPipeline"/> needs, with tight limits so a few requests reach them.</summary>
internal static class PipelineServices
{
    public const int Burst = 2;

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new ThrottleOptions { RequestsPerSecond = 1, Burst = Burst, LoginPerClientPerMinute = 1 }));
        services.AddSingleton(Options.Create(new WebOptions()));
        services.AddSingleton<RateLimits>();
        services.AddSingleton<ClientAddressResolver>();
        // The probes' requests carry no session cookie, so the session stores are never reached.
        services.AddSingleton(new SessionService(null!, null!, Options.Create(new SessionsOptions()), TimeProvider.System, NullLogger<SessionService>.Instance));
        services.AddSingleton<RequestAuthenticator>();
        services.AddMetrics();
        services.AddSingleton<FileBridgeMetrics>();
        services.AddSingleton<RecordingAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<RecordingAuditLog>());
        services.AddSingleton<ThrottledAuditSampler>();
        services.AddSingleton<RequestAudit>();
        services.AddSingleton<ApiPipeline>();
        services.AddTransient<ProbeFunctions>();
        return services;
    }
}
