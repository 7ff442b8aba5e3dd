using System.Diagnostics;
using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3.Model;
using Azure.Core;
using Azure.Data.Tables;
using FileBridge.Core.Audit;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.DevHost;
using FileBridge.Functions;
using FileBridge.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FileBridge.Benchmarks;

/// <summary>
/// What a warm request costs beyond S3, in one run against the local services (scripts/azurite.sh start,
/// scripts/local-aws.sh start, then source .local/*.env). The DevHost's endpoints run in this process, so a pipeline
/// policy on the app's Table clients counts every Table transaction, and the Table, S3 and STS calls can be slowed to
/// cloud distances (Table 5 ms, S3 25 ms, STS 100 ms per call). Measured: a warm listing through the app next to a
/// direct ListObjectsV2 of the same folder (loopback and cloud latencies), <c>/api/auth/me</c> next to
/// <c>/api/health</c>, Table transactions per 1,000 warm listings of one person, listings a second at concurrency
/// 1, 8 and 32, and the most audit rows any one audit partition received in a second while rows arrive at
/// 1,000 a second.
/// </summary>
internal static class CostComparison
{
    private const string Prefix = "projects/alpha/";
    private const string Password = "benchmark password 1";
    private const int Warmup = 30;
    private const int LoopbackSamples = 300;
    private const int CloudSamples = 60;
    private const int CountedListings = 1000;
    private const int AuditRate = 1000;
    private static readonly TimeSpan ThroughputRun = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AuditRun = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TableLatency = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan S3Latency = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan StsLatency = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync()
    {
        var settings = TestEnvironment.BaseSettings();
        var tables = new TableTransactionCounter();
        var aws = new LatencyHttpClientFactory();
        await using var app = await InProcessApp.StartAsync(settings, tables, aws);
        await new TestUsers(settings).AddAsync("bench-cost", Password, prefixes: "*");
        var token = await ApiSession.SignInAsync(app.Client, "bench-cost", Password);
        var results = new List<(string Name, string Value)>();

        using (var lease = await app.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(new RoleRequest("bench-direct", [], app.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None))
        {
            foreach (var cloud in new[] { false, true })
            {
                tables.Latency = cloud ? TableLatency : TimeSpan.Zero;
                aws.Set(cloud ? S3Latency : TimeSpan.Zero, cloud ? StsLatency : TimeSpan.Zero);
                var label = cloud ? "cloud latencies" : "loopback";
                var samples = cloud ? CloudSamples : LoopbackSamples;
                var (app1, direct) = await AlternateAsync(samples, () => ListAsync(app.Client, token), () => DirectListAsync(lease.Session));
                results.Add(($"warm listing, {label}: app / direct (median ms)", Ratio(app1, direct)));
                var (me, health) = await AlternateAsync(samples, () => GetAsync(app.Client, "api/auth/me", token), () => GetAsync(app.Client, "api/health", null));
                results.Add(($"/api/auth/me / /api/health, {label} (median ms)", Ratio(me, health)));
            }
        }

        tables.Latency = TimeSpan.Zero;
        aws.Set(TimeSpan.Zero, TimeSpan.Zero);
        results.Add(("warm listing, loopback, no audit rows (measurement only): app / direct (median ms)", await WithoutAuditAsync(settings)));
        await WaitForQuietAsync(tables);
        tables.Reset();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < CountedListings; i++)
        {
            await ListAsync(app.Client, token);
        }

        var listingTime = clock.Elapsed;
        await WaitForQuietAsync(tables);
        var counts = tables.Counts;
        var reads = counts.Where(c => c.Key is "Users" or "Sessions" or "Groups").Sum(c => c.Value);
        results.Add(($"Table transactions per {CountedListings} warm listings of one person ({listingTime.TotalSeconds:F1} s)",
            $"{tables.Total} (session/user/group rows {reads}; by table: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))})"));

        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            var rate = await ThroughputAsync(app.Client, token, concurrency);
            results.Add(($"listings/s at concurrency {concurrency}, loopback", Format($"{rate:F0}")));
        }

        var (listingRate, listingMax, listingPartitions) = await PacedListingsAsync(app, settings, token);
        results.Add(($"audit: listings paced at {AuditRate}/s for {AuditRun.TotalSeconds:F0} s, reached",
            Format($"{listingRate:F0}/s; most rows one partition got in a second: {listingMax} ({listingPartitions} partitions)")));
        var (rowMax, rowPartitions) = await PacedAuditRowsAsync(app, settings);
        results.Add(($"audit: rows posted at {AuditRate}/s for {AuditRun.TotalSeconds:F0} s",
            Format($"most rows one partition got in a second: {rowMax} ({rowPartitions} partitions)")));

        var width = results.Max(r => r.Name.Length);
        foreach (var (name, value) in results)
        {
            Console.WriteLine($"{name.PadRight(width)}  {value}");
        }
    }

    /// <summary>
    /// The loopback ratio again, from a second app whose audit rows are dropped (the DevHost's measurement-only
    /// <see cref="NoAuditLog"/>): on this machine Azurite storing the rows shares the two cores with the app and the
    /// S3 endpoint, which the direct listing never pays.
    /// </summary>
    private static async Task<string> WithoutAuditAsync(Dictionary<string, string?> settings)
    {
        await using var app = await InProcessApp.StartAsync(settings, new TableTransactionCounter(), new LatencyHttpClientFactory(), withoutAudit: true);
        var token = await ApiSession.SignInAsync(app.Client, "bench-cost", Password);
        using var lease = await app.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(
            new RoleRequest("bench-direct", [], app.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None);
        var (listing, direct) = await AlternateAsync(LoopbackSamples, () => ListAsync(app.Client, token), () => DirectListAsync(lease.Session));
        return Ratio(listing, direct);
    }

    /// <summary>
    /// Warm listings of one person, one after another, for <paramref name="duration"/>: a steady request path to
    /// record with <c>dotnet-trace collect -- dotnet FileBridge.Benchmarks.dll cost-profile</c> and read with
    /// <c>dotnet-trace report &lt;file&gt; topN --inclusive</c> (README, "Per-request cost").
    /// </summary>
    public static async Task ProfileAsync(TimeSpan duration)
    {
        var settings = TestEnvironment.BaseSettings();
        await using var app = await InProcessApp.StartAsync(settings, new TableTransactionCounter(), new LatencyHttpClientFactory());
        await new TestUsers(settings).AddAsync("bench-profile", Password, prefixes: "*");
        var token = await ApiSession.SignInAsync(app.Client, "bench-profile", Password);
        for (var i = 0; i < Warmup; i++)
        {
            await ListAsync(app.Client, token);
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await ListAsync(app.Client, token);
            count++;
        }

        Console.WriteLine(Format($"{count} warm listings in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:F0}/s)"));
    }

    private static async Task<(List<double> First, List<double> Second)> AlternateAsync(int samples, Func<Task<double>> first, Func<Task<double>> second)
    {
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < Warmup + samples; i++)
        {
            var x = await first();
            var y = await second();
            if (i >= Warmup)
            {
                a.Add(x);
                b.Add(y);
            }
        }

        return (a, b);
    }

    private static async Task<double> ListAsync(HttpClient client, string token) => await GetAsync(client, $"api/files?prefix={Prefix}", token);

    private static async Task<double> GetAsync(HttpClient client, string uri, string? token)
    {
        using var request = ApiSession.Request(HttpMethod.Get, uri, token);
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}");
        }

        return elapsed;
    }

    private static async Task<double> DirectListAsync(AssumedRoleSession session)
    {
        var request = new ListObjectsV2Request { BucketName = TestEnvironment.Bucket, Prefix = Prefix, Delimiter = "/", MaxKeys = 200 };
        var clock = Stopwatch.StartNew();
        await session.S3.ListObjectsV2Async(request);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> ThroughputAsync(HttpClient client, string token, int concurrency)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < ThroughputRun)
            {
                await ListAsync(client, token);
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Listings started on a schedule of <see cref="AuditRate"/> a second by 64 callers; returns the rate reached.</summary>
    private static async Task<(double Rate, int MaxPerSecond, int Partitions)> PacedListingsAsync(InProcessApp app, Dictionary<string, string?> settings, string token)
    {
        var since = DateTimeOffset.UtcNow;
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var total = (int)(AuditRate * AuditRun.TotalSeconds);
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < total)
            {
                var due = TimeSpan.FromSeconds((double)i / AuditRate) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                await ListAsync(app.Client, token);
                Interlocked.Increment(ref done);
            }
        }));
        var rate = done / clock.Elapsed.TotalSeconds;
        var (max, partitions) = await BusiestPartitionAsync(settings, since, done);
        return (rate, max, partitions);
    }

    /// <summary>The audit trail alone, fed exactly <see cref="AuditRate"/> rows a second through the app's own <see cref="IAuditLog"/>.</summary>
    private static async Task<(int MaxPerSecond, int Partitions)> PacedAuditRowsAsync(InProcessApp app, Dictionary<string, string?> settings)
    {
        var audit = app.Services.GetRequiredService<IAuditLog>();
        var since = DateTimeOffset.UtcNow;
        var total = (int)(AuditRate * AuditRun.TotalSeconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / AuditRate) - clock.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            audit.Post(new AuditEvent(AuditActions.List, "bench-rows", Prefix, "200"));
        }

        return await BusiestPartitionAsync(settings, since, total);
    }

    private static async Task<(int MaxPerSecond, int Partitions)> BusiestPartitionAsync(Dictionary<string, string?> settings, DateTimeOffset since, int expected)
    {
        var audit = new AuditRows(settings);
        var deadline = Stopwatch.StartNew();
        List<TableEntity> rows;
        do
        {
            await Task.Delay(200);
            rows = (await audit.AllAsync()).Where(r => r.GetDateTimeOffset("Time") >= since).ToList();
        }
        while (rows.Count < expected && deadline.Elapsed < TimeSpan.FromSeconds(30));

        var perSecond = rows.GroupBy(r => (r.PartitionKey, r.GetDateTimeOffset("Time")!.Value.ToUnixTimeSeconds())).Select(g => g.Count());
        return (perSecond.DefaultIfEmpty(0).Max(), rows.Select(r => r.PartitionKey).Distinct().Count());
    }

    // The audit queue writes behind the answers: wait until the table counter stops moving.
    private static async Task WaitForQuietAsync(TableTransactionCounter tables)
    {
        var last = -1;
        while (tables.Total != last)
        {
            last = tables.Total;
            await Task.Delay(300);
        }
    }

    private static string Ratio(List<double> first, List<double> second)
    {
        var a = Percentile(first, 0.5);
        var b = Percentile(second, 0.5);
        return Format($"{a / b:F2}  ({a:F2} / {b:F2}; p95 {Percentile(first, 0.95):F2} / {Percentile(second, 0.95):F2})");
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    /// <summary>The DevHost's endpoints and the app's own registrations, in this process, with counted Table clients.</summary>
    private sealed class InProcessApp : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private InProcessApp(WebApplication app)
        {
            _app = app;
            Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = new Uri(app.Urls.First() + "/"),
            };
        }

        public HttpClient Client { get; }

        public IServiceProvider Services => _app.Services;

        public static async Task<InProcessApp> StartAsync(
            Dictionary<string, string?> settings, TableTransactionCounter tables, HttpClientFactory aws, bool withoutAudit = false)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
            // What the host does with log lines is not the app's cost.
            builder.Logging.ClearProviders();
            var tableOptions = new TableClientOptions();
            tableOptions.AddPolicy(tables, HttpPipelinePosition.PerRetry);
            builder.Services.AddSingleton(new TableServiceClient(TestEnvironment.AzuriteConnectionString, tableOptions));
            builder.Services.AddSingleton(aws);
            if (withoutAudit)
            {
                builder.Services.AddSingleton<IAuditLog, NoAuditLog>();
            }

            builder.AddFileBridgeApi();
            builder.Services.AddMvcCore();
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.MapFunctions(FunctionRouteTable.Discover(typeof(FileBridgeApiExtensions).Assembly));
            await app.StartAsync();
            return new InProcessApp(app);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }
}
