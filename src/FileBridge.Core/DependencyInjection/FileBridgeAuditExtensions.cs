using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.DependencyInjection;

/// <summary>The audit trail, its retention and the broker's metrics.</summary>
public static class FileBridgeAuditExtensions
{
    /// <summary>Metrics (recorded always, collected only when an exporter listens).</summary>
    public static IHostApplicationBuilder AddFileBridgeMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<FileBridgeMetrics>();
        return builder;
    }

    /// <summary>
    /// The Audit table in the Users account, the <see cref="IAuditLog"/> with its queue writer (a hosted service), audit
    /// retention and the expired-session sweep.
    /// </summary>
    public static IHostApplicationBuilder AddFileBridgeAudit(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFileBridgeUsers();
        builder.AddFileBridgeMetrics();
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new AuditTable(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), sp.GetRequiredService<IOptions<AuditOptions>>()));
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditTrail>());
        services.TryAddSingleton(AuditGathering.Default);
        services.AddHostedService<AuditQueueWriter>();
        services.TryAddSingleton<AuditRetention>();
        services.TryAddSingleton<ExpiredSessionSweep>();
        return builder;
    }
}
