using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Benchmarks;

/// <summary>
/// Search, in one run against the local endpoint: keys scanned per second by GET /api/files/search (through the
/// DevHost, a text that matches nothing so every key is read) next to a bare ListObjectsV2 walk of the same 10,000-key
/// subtree with the same role, as a ratio; and the time to the first results of a search in that subtree.
/// </summary>
internal static class SearchComparison
{
    private const int Keys = 10_000;
    private const int Rounds = 5;
    private const string Subtree = "bench/search/";

    public static async Task RunAsync()
    {
        using var admin = LocalS3Admin.CreateClient();
        await SeedAsync(admin);
        try
        {
            await MeasureAsync();
        }
        finally
        {
            // The tests list the second bucket and expect only its seed tree there.
            await RemoveAsync(admin);
        }
    }

    private static async Task MeasureAsync()
    {
        var invariant = CultureInfo.InvariantCulture;
        var settings = TestEnvironment.LocationSettings();

        // 1. The floor: ListObjectsV2 pages of 1,000 keys, no delimiter, with the logs role's own credentials.
        var bare = new List<double>();
        using (var host = BrokerHost.Build(settings))
        {
            var locations = host.Services.GetRequiredService<FileLocations>();
            var logs = locations.All.Single(l => l.Name == "logs");
            using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(
                host.Services.GetRequiredService<AccessPolicy>().CredentialsFor("bench-walk", AccessScope.From(["*"]), logs)!, CancellationToken.None);
            for (var round = 0; round <= Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var scanned = 0;
                string? token = null;
                do
                {
                    var page = await lease.Session.S3.ListObjectsV2Async(new ListObjectsV2Request
                    {
                        BucketName = TestEnvironment.LogsBucket, Prefix = Subtree, MaxKeys = 1000, ContinuationToken = token,
                    });
                    scanned += page.S3Objects?.Count ?? 0;
                    token = page.IsTruncated == true ? page.NextContinuationToken : null;
                }
                while (token is not null);

                Check(scanned);
                if (round > 0)
                {
                    bare.Add(scanned / clock.Elapsed.TotalSeconds);
                }
            }
        }

        // 2. The same walk as searches through the DevHost: session check, scope, cursor, matching, JSON.
        var search = new List<double>();
        var firstResultsEarly = new List<double>();
        var firstResultsLate = new List<double>();
        await using (var devHost = await DevHostProcess.StartAsync(settings))
        {
            await new TestUsers(settings).AddAsync("bench-search", "benchmark password 1", prefixes: "*");
            using var client = devHost.CreateClient();
            var token = await ApiSession.SignInAsync(client, "bench-search", "benchmark password 1");
            for (var round = 0; round <= Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var (scanned, _) = await SearchAsync(client, token, "matches-nothing", stopAtFirst: false);
                Check(scanned);
                if (round > 0)
                {
                    search.Add(scanned / clock.Elapsed.TotalSeconds);
                }

                // A text found on the first keys, and one found only on the last key (the worst case).
                clock.Restart();
                await SearchAsync(client, token, "key-00042", stopAtFirst: true);
                firstResultsEarly.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                await SearchAsync(client, token, $"key-{Keys - 1:D5}", stopAtFirst: true);
                firstResultsLate.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var bareMedian = Median(bare);
        var searchMedian = Median(search);
        Console.WriteLine(string.Create(invariant, $"Bare ListObjectsV2 walk of {Keys:N0} keys:       {bareMedian:F0} keys/s (median of {Rounds})"));
        Console.WriteLine(string.Create(invariant, $"GET /api/files/search over the same keys:   {searchMedian:F0} keys/s (median of {Rounds})"));
        Console.WriteLine(string.Create(invariant, $"Ratio search / bare walk: {searchMedian / bareMedian:F2}"));
        Console.WriteLine(string.Create(invariant, $"Time to first results, match in the first request: {Median(firstResultsEarly):F0} ms (median)"));
        Console.WriteLine(string.Create(invariant, $"Time to first results, match only on the last key:  {Median(firstResultsLate):F0} ms (median)"));
    }

    private static async Task<(int Scanned, int Found)> SearchAsync(HttpClient client, string token, string q, bool stopAtFirst)
    {
        var (scanned, found) = (0, 0);
        string? cursor = null;
        do
        {
            var uri = $"api/files/search?prefix=logs/{Subtree}&q={q}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var request = ApiSession.Request(HttpMethod.Get, uri, token);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            scanned += body.RootElement.GetProperty("scanned").GetInt32();
            found += body.RootElement.GetProperty("files").GetArrayLength();
            cursor = body.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && !(stopAtFirst && found > 0));

        return (scanned, found);
    }

    /// <summary>Puts the 10,000 keys in the second bucket (kept if a run was interrupted before removing them).</summary>
    private static async Task SeedAsync(AmazonS3Client admin)
    {
        var existing = 0;
        string? token = null;
        do
        {
            var page = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = TestEnvironment.LogsBucket, Prefix = Subtree, ContinuationToken = token });
            existing += page.S3Objects?.Count ?? 0;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        if (existing == Keys)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeding {Keys:N0} keys under {TestEnvironment.LogsBucket}/{Subtree}…"));
        await Parallel.ForEachAsync(Enumerable.Range(0, Keys), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            await admin.PutObjectAsync(new PutObjectRequest
            {
                BucketName = TestEnvironment.LogsBucket,
                Key = string.Create(CultureInfo.InvariantCulture, $"{Subtree}{i % 100:D2}/key-{i:D5}.txt"),
                ContentBody = "x",
                UseChunkEncoding = false,
            }, ct));
    }

    private static async Task RemoveAsync(AmazonS3Client admin)
    {
        while (true)
        {
            var page = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = TestEnvironment.LogsBucket, Prefix = Subtree });
            if (page.S3Objects is not { Count: > 0 } objects)
            {
                return;
            }

            await admin.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = TestEnvironment.LogsBucket,
                Objects = objects.Select(o => new KeyVersion { Key = o.Key }).ToList(),
            });
        }
    }

    private static void Check(int scanned)
    {
        if (scanned != Keys)
        {
            throw new InvalidOperationException($"Walked {scanned} keys, expected {Keys}.");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
