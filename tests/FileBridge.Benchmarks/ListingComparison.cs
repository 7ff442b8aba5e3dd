using System.Diagnostics;
using System.Globalization;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Benchmarks;

/// <summary>
/// Side by side, in one run against the local endpoint (scripts/local-aws.sh start, scripts/azurite.sh start,
/// then source .local/*.env): STS calls per 1,000 listings of one user, and the median latency of
/// GET /api/files through the DevHost next to a direct ListObjectsV2 of the same folder.
/// </summary>
internal static class ListingComparison
{
    private const int Requests = 1000;
    private const int Warmup = 50;
    private const string Prefix = "projects/alpha/";

    public static async Task RunAsync()
    {
        var invariant = CultureInfo.InvariantCulture;

        var settings = TestEnvironment.BaseSettings();

        // 1. STS calls per 1,000 list requests of one user, through the app's own registrations.
        var counting = new CountingHttpClientFactory();
        using (var host = BrokerHost.Build(http: counting))
        {
            var catalog = host.Services.GetRequiredService<FileCatalog>();
            var user = new AuthenticatedUser("bench-sts", "Bench", ["projects/"], DateTimeOffset.UtcNow.AddHours(1));
            for (var i = 0; i < Requests; i++)
            {
                var result = await catalog.ListAsync(user, new ListFilesQuery(Prefix, null, null), CancellationToken.None);
                if (result.Failure is { } failure)
                {
                    throw new InvalidOperationException($"Listing failed: {failure.Kind} {failure.Detail}");
                }
            }

            Console.WriteLine(string.Create(invariant, $"STS AssumeRole calls per {Requests} list requests of one user: {counting.StsCalls}"));
        }

        // 2. Direct ListObjectsV2 with the role's credentials (the floor FileBridge cannot beat).
        var direct = new List<double>();
        using (var host = BrokerHost.Build())
        {
            using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(new RoleRequest("bench-direct", [], host.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None);
            var session = lease.Session;
            var request = new ListObjectsV2Request { BucketName = TestEnvironment.Bucket, Prefix = Prefix, Delimiter = "/", MaxKeys = 200 };
            for (var i = 0; i < Warmup + Requests; i++)
            {
                var clock = Stopwatch.StartNew();
                await session.S3.ListObjectsV2Async(request);
                if (i >= Warmup)
                {
                    direct.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        // 3. The same listing through the DevHost: session check (Azurite), credential cache, S3, JSON.
        var api = new List<double>();
        await using (var devHost = await DevHostProcess.StartAsync(settings))
        {
            await new TestUsers(settings).AddAsync("bench-api", "benchmark password 1", prefixes: "*");
            using var client = devHost.CreateClient();
            var token = await ApiSession.SignInAsync(client, "bench-api", "benchmark password 1");
            for (var i = 0; i < Warmup + Requests; i++)
            {
                using var request = ApiSession.Request(HttpMethod.Get, $"api/files?prefix={Prefix}", token);
                var clock = Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (i >= Warmup)
                {
                    api.Add(clock.Elapsed.TotalMilliseconds);
                }

                response.EnsureSuccessStatusCode();
            }
        }

        var directMedian = Median(direct);
        var apiMedian = Median(api);
        Console.WriteLine(string.Create(invariant, $"Median direct ListObjectsV2:      {directMedian:F2} ms  (p95 {Percentile(direct, 0.95):F2} ms)"));
        Console.WriteLine(string.Create(invariant, $"Median GET /api/files via DevHost: {apiMedian:F2} ms  (p95 {Percentile(api, 0.95):F2} ms)"));
        Console.WriteLine(string.Create(invariant, $"Ratio API / direct: {apiMedian / directMedian:F2}"));
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
