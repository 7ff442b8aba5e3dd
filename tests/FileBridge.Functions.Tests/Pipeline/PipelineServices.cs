using FileBridge.Core.Audit;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>What <see cref="ApiPipeline"/> needs, with tight limits so a few requests reach them, behind a required front door.</summary>
internal static class PipelineServices
{
    public const int Burst = 2;
    public const string FrontDoorId = "6f3c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f";
    public const string ClientAddressHeader = "X-Client-Address";

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new ThrottleOptions { RequestsPerSecond = 1, Burst = Burst, LoginPerClientPerMinute = 1 }));
        // The probes' sessions are made with a password alone: the second-factor policy is not this suite's subject.
        services.AddSingleton(Options.Create(new SecondFactorOptions { SecondFactor = SecondFactorPolicy.Optional }));
        services.AddSingleton(Options.Create(new WebOptions { RequiredFrontDoorId = FrontDoorId, ClientAddressHeader = ClientAddressHeader }));
        services.AddSingleton<RateLimits>();
        services.AddSingleton<RequestLimiters>();
        services.AddSingleton<ClientAddressResolver>();
        services.AddSingleton<FrontDoorCheck>();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<PipelineSessions>();
        services.AddSingleton(sp => new SessionService(
            sp.GetRequiredService<PipelineSessions>(), sp.GetRequiredService<PipelineSessions>(), sp.GetRequiredService<PipelineSessions>(), Options.Create(new SessionsOptions()),
            TimeProvider.System, NullLogger<SessionService>.Instance));
        services.AddCallerRequirements();
        services.AddMetrics();
        services.AddSingleton<FileBridgeMetrics>();
        services.AddSingleton<RecordingAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<RecordingAuditLog>());
        services.AddSingleton<ThrottledAuditSampler>();
        services.AddSingleton<RequestAudit>();
        services.AddSingleton(new EndpointPolicies(ProbeFunctions.Policies()));
        services.AddSingleton<ApiPipeline>();
        services.AddTransient<ProbeFunctions>();
        return services;
    }
}
