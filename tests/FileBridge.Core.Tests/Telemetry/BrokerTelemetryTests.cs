using System.Diagnostics;
using System.Net;
using FileBridge.Core.Aws;
using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Core.Tests.Aws;
using FileBridge.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FileBridge.Core.Tests.Telemetry;

/// <summary>The metrics and spans a listing, a cold STS call and a breaker trip produce, read with the in-memory exporter.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class BrokerTelemetryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Expiry = DateTimeOffset.UtcNow.AddHours(1);
    private static readonly AuthenticatedUser Alice = new("alice", "Alice", ["home/alice/"], DateTimeOffset.UtcNow.AddHours(8));

    private readonly List<Metric> _metrics = [];
    private readonly List<Activity> _spans = [];
    private IHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    [Fact]
    public async Task Listing_ColdThenWarm_CountsOneStsCallOneMissOneHitAndTwoDurations()
    {
        var catalog = await StartAsync(new ScriptedHttpHandler((request, _, _) => Task.FromResult(
            request.Method == HttpMethod.Post ? ScriptedHttpHandler.AssumeRoleOk(Expiry) : EmptyListing())));

        await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
        await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
        Flush();

        Assert.Equal(1, Sum("filebridge.sts.calls", "outcome", "success"));
        Assert.Equal(1, Sum("filebridge.credentials.cache", "result", "miss"));
        Assert.Equal(1, Sum("filebridge.credentials.cache", "result", "hit"));
        Assert.Equal(2, HistogramCount("filebridge.list.duration", "outcome", "ok"));
        var lists = _spans.Where(s => s.DisplayName == "FileBridge list").ToList();
        Assert.Equal(2, lists.Count);
        var sts = Assert.Single(_spans, s => s.DisplayName == "STS AssumeRole");
        Assert.Equal(ActivityKind.Client, sts.Kind);
        Assert.StartsWith("fb-alice", (string?)sts.GetTagItem("aws.sts.role_session_name"), StringComparison.Ordinal);
        // The cold call happened inside the first listing's span: the trace shows STS as its dependency.
        Assert.Equal(lists[0].SpanId, sts.ParentSpanId);
    }

    [Fact]
    public async Task StsOutage_TripsTheBreaker_GaugeSaysOpenAndCallsAreCountedByOutcome()
    {
        var catalog = await StartAsync(
            new ScriptedHttpHandler((_, _, _) => Task.FromResult(ScriptedHttpHandler.StsError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"))),
            new()
            {
                ["Aws:StsMaxRetries"] = "0",
                ["Aws:StsBreakerMinimumThroughput"] = "2",
                ["Aws:StsBreakerFailureRatio"] = "0.5",
                ["Aws:StsBreakDuration"] = "00:01:00",
                ["Aws:StsMaxBreakDuration"] = "00:01:00",
            });

        for (var i = 0; i < 3; i++)
        {
            var result = await catalog.ListAsync(Alice, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
            Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
        }

        Flush();

        Assert.Equal(2, Sum("filebridge.sts.calls", "outcome", "unavailable"));
        Assert.Equal(1, Sum("filebridge.sts.calls", "outcome", "breaker-open"));
        Assert.Equal(1, Gauge("filebridge.breaker.state"));
        Assert.Equal(3, HistogramCount("filebridge.list.duration", "outcome", "unavailable"));
        Assert.All(_spans.Where(s => s.DisplayName == "STS AssumeRole"), s => Assert.Equal(ActivityStatusCode.Error, s.Status));
    }

    [Fact]
    public async Task NothingConfigured_RegistersNoOpenTelemetry()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddFileBridgeTelemetry();

        Assert.DoesNotContain(builder.Services, s => s.ServiceType.FullName?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }

    private async Task<FileCatalog> StartAsync(ScriptedHttpHandler handler, Dictionary<string, string?>? overrides = null)
    {
        var settings = AwsTestHost.Settings();
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<Amazon.Runtime.HttpClientFactory>(new ScriptedHttpClientFactory(handler));
        builder.AddFileBridgeAws();
        FileBridgeTelemetryExtensions.AddSignals(builder.Services.AddOpenTelemetry())
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));
        _host = builder.Build();
        await _host.StartAsync();
        return _host.Services.GetRequiredService<FileCatalog>();
    }

    private static HttpResponseMessage EmptyListing() => ScriptedHttpHandler.Xml(HttpStatusCode.OK, """
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>filebridge-demo</Name><Prefix>home/alice/</Prefix><KeyCount>0</KeyCount><MaxKeys>200</MaxKeys><IsTruncated>false</IsTruncated>
        </ListBucketResult>
        """);

    private void Flush()
    {
        _host!.Services.GetRequiredService<MeterProvider>().ForceFlush();
        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    private IEnumerable<MetricPoint> Points(string name)
    {
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                yield return point;
            }
        }
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    // The in-memory exporter keeps every export; cumulative sums only grow, so the last export holds the total.
    private long Sum(string name, string key, string value) =>
        Points(name).Where(p => HasTag(p, key, value)).Select(p => p.GetSumLong()).DefaultIfEmpty(0).Max();

    private long HistogramCount(string name, string key, string value) =>
        Points(name).Where(p => HasTag(p, key, value)).Select(p => p.GetHistogramCount()).DefaultIfEmpty(0).Max();

    private long Gauge(string name) => Points(name).Select(p => p.GetGaugeLastValueLong()).LastOrDefault(-1);
}
