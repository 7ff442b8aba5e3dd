using Amazon.Runtime;
using Azure.Core;
using Azure.Identity;
using Amazon.SecurityToken;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Health;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;

namespace FileBridge.Core.DependencyInjection;

/// <summary>The AWS broker (STS, credential cache, S3) and the file catalog built on it.</summary>
public static class FileBridgeAwsExtensions
{
    /// <summary>
    /// Registers the Aws and Files options (validated at start-up), the STS client (people's files are read
    /// with assumed-role S3 clients from the credential cache, never the broker's own keys), the "sts" resilience
    /// pipeline, the credential cache, the locations, the access policy, the S3 gateway, the file catalog and search, the
    /// "sts" readiness check and one "s3:&lt;location&gt;" check per location. An <see cref="HttpClientFactory"/> registered before the clients are first resolved replaces the SDK's HTTP stack.
    /// </summary>
    public static IHostApplicationBuilder AddFileBridgeAws(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFileBridgeMetrics();
        var services = builder.Services;
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<IAmazonSecurityTokenService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AwsOptions>>().Value;
            var config = AwsClientConfigs.CreateStsConfig(options, sp.GetService<HttpClientFactory>());
            return AwsClientConfigs.BrokerCredentials(options) is { } keys
                ? new AmazonSecurityTokenServiceClient(keys, config)
                : new AmazonSecurityTokenServiceClient(config);
        });
        AddWebIdentityTokenSource(services);

        services.AddResiliencePipeline(StsResilience.PipelineKey, (pipeline, context) =>
            StsResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<AwsOptions>>().Value,
                context.ServiceProvider.GetService<FileBridgeMetrics>() is { } metrics ? metrics.BreakerState : null));

        services.TryAddSingleton(sp => new S3ClientFactory(sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetService<HttpClientFactory>()));
        services.TryAddSingleton<StsRoleAssumer>();
        services.TryAddSingleton<IRoleAssumer>(sp => sp.GetRequiredService<StsRoleAssumer>());
        // One credential cache serves people's requests and the readiness probe's reads alike.
        services.TryAddSingleton<AssumedRoleCache>();
        services.TryAddSingleton(sp => FileLocations.From(sp.GetRequiredService<IOptions<FilesOptions>>().Value, sp.GetRequiredService<IOptions<AwsOptions>>().Value));
        services.TryAddSingleton<PolicyPackSplits>();
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<S3Gateway>();
        services.TryAddSingleton<FileCatalog>();
        services.TryAddSingleton<FileSearch>();
        AddReadinessChecks(services);
        return builder;
    }

    /// <summary>"sts", and "s3:&lt;location&gt;" for every location: its bucket read through its role.</summary>
    private static void AddReadinessChecks(IServiceCollection services)
    {
        services.AddHealthChecks();
        services.TryAddSingleton<ReadinessReport>();
        services.AddOptions<HealthCheckServiceOptions>().Configure<FileLocations>((options, locations) =>
        {
            ReadinessChecks.Add<StsHealthCheck>(options, ReadinessChecks.Sts);
            foreach (var location in locations.All)
            {
                ReadinessChecks.Add(options, LocationHealthCheck.NameOf(location),
                    sp => ActivatorUtilities.CreateInstance<LocationHealthCheck>(sp, location));
            }
        });
    }

    /// <summary>
    /// The token source keyless mode uses: the token file when <c>Aws:WebIdentityTokenFile</c> is set, else the app's
    /// Azure identity. Resolved in both modes but only called in <c>WebIdentity</c> mode; creating it touches nothing.
    /// A <see cref="TokenCredential"/> registered before this replaces the default Azure credential (tests, custom hosts).
    /// </summary>
    private static void AddWebIdentityTokenSource(IServiceCollection services)
    {
        // DefaultAzureCredential, like the table client: on Azure it is the managed identity named by AZURE_CLIENT_ID.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<IWebIdentityTokenSource>(sp => WebIdentityTokenSources.Select(sp));
    }
}
