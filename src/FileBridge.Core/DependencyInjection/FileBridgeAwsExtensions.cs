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
    /// pipeline, the credential cache, the file catalog, the "sts" readiness check and one "s3:&lt;location&gt;" check per bucket. An
    /// <see cref="HttpClientFactory"/> registered before the clients are first resolved replaces the SDK's HTTP stack.
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
        services.TryAddSingleton<AssumedRoleCache>();
        services.TryAddSingleton<FileCatalog>();
        services.TryAddSingleton<FileSearch>();
        services.TryAddSingleton(sp => sp.GetRequiredService<FileCatalog>().Locations);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, StsReadinessCheck>());
        // Readiness reads every location's bucket through its role (s3:<location>).
        services.TryAddSingleton<IBucketLocations, ConfiguredBucketLocations>();
        services.TryAddSingleton<BucketProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheckSource, BucketReadinessChecks>());
        return builder;
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
