using Azure.Monitor.OpenTelemetry.Exporter;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FileBridge.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for the broker: its own spans and metrics (<see cref="FileBridgeActivities"/>,
/// <see cref="FileBridgeMetrics"/>), outgoing HTTP (Table, STS and S3 calls as dependencies) and logs correlated
/// with traces, exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, authenticated with
/// the managed identity named by <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> when that is set.
/// </summary>
public static class FileBridgeTelemetryExtensions
{
    /// <summary>
    /// Adds OpenTelemetry when an exporter is configured; otherwise registers nothing, so nothing runs.
    /// <paramref name="configureHost"/> adds what only one host has (the Functions worker's invocation spans, ASP.NET
    /// Core's request spans, the DevHost's console exporter, which it announces with <paramref name="hostExports"/>).
    /// </summary>
    public static IHostApplicationBuilder AddFileBridgeTelemetry(
        this IHostApplicationBuilder builder, Action<IOpenTelemetryBuilder>? configureHost = null, bool hostExports = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration[TelemetryOptions.ConnectionStringSetting];
        // Parsed first, so a malformed value stops the start-up even when nothing would be exported.
        var authentication = ExporterAuthentication.Parse(builder.Configuration[TelemetryOptions.AuthenticationStringSetting]);
        if (string.IsNullOrWhiteSpace(connectionString) && !hostExports)
        {
            return builder;
        }

        var telemetry = AddSignals(builder.Services.AddOpenTelemetry());
        configureHost?.Invoke(telemetry);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                // With local authentication off, Application Insights accepts only Entra ID tokens.
                if (authentication is not null)
                {
                    options.Credential = authentication.CreateCredential();
                }
            });
        }

        return builder;
    }

    /// <summary>The sources and meters FileBridge exports; also used by tests with an in-memory exporter.</summary>
    public static IOpenTelemetryBuilder AddSignals(IOpenTelemetryBuilder telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        telemetry.WithTracing(tracing => tracing
            // First, so that no exporter added after it ever sees a table key.
            .AddProcessor(new TableKeyRedactionProcessor())
            .AddSource(FileBridgeActivities.SourceName)
            .AddHttpClientInstrumentation(options =>
            {
                // Presigning makes no HTTP call, but no query string (a signature, a continuation token) is worth a span attribute.
                options.EnrichWithHttpRequestMessage = (activity, _) => activity.SetTag("url.query", null);
            }));
        telemetry.WithMetrics(metrics => metrics
            .AddMeter(FileBridgeMetrics.MeterName)
            .AddHttpClientInstrumentation());
        return telemetry;
    }
}
