using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Benchmarks;

/// <summary>
/// AccessKey next to WebIdentity (keyless) mode on the local endpoint (scripts/local-aws.sh start,
/// scripts/oidc-issuer.sh start, scripts/azurite.sh start, then source .local/*.env): the latency of a cold listing
/// (a person's first, which needs an STS call), STS calls per 1,000 listings, and one hop (web identity straight to
/// the reader role) against two hops (web identity to a broker role, then AssumeRole with SourceIdentity).
/// </summary>
internal static class KeylessComparison
{
    private const int ColdUsers = 40;
    private const int Listings = 1000;
    private const int HopSamples = 40;
    private const string Prefix = "projects/alpha/";
    private const string HopRole = "filebridge-web-hop";

    public static async Task RunAsync()
    {
        var accessKey = new Dictionary<string, string?>();
        var keyless = TestEnvironment.WebIdentitySettings().Where(s => s.Key.StartsWith("Aws:", StringComparison.Ordinal)).ToDictionary();

        foreach (var (mode, settings) in new[] { ("AccessKey", accessKey), ("WebIdentity", keyless) })
        {
            var (cold, warm) = await ListingLatencyAsync(settings);
            var calls = await StsCallsPerListingsAsync(settings);
            Print($"{mode,-11} cold listing median {Median(cold):F1} ms (p95 {Percentile(cold, 0.95):F1}), warm listing median {Median(warm):F1} ms, STS calls per {Listings} listings of one user: {calls}");
        }

        await CompareHopsAsync();
    }

    /// <summary>Each of <see cref="ColdUsers"/> new people lists once (cold: STS + S3), then once more (warm: S3 only).</summary>
    private static async Task<(List<double> Cold, List<double> Warm)> ListingLatencyAsync(Dictionary<string, string?> settings)
    {
        using var host = BrokerHost.Build(settings);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        await ListAsync(catalog, User("bench-warmup"));
        var cold = new List<double>();
        var warm = new List<double>();
        for (var i = 0; i < ColdUsers; i++)
        {
            var user = User($"bench-cold-{Guid.NewGuid():N}"[..24]);
            cold.Add(await ListAsync(catalog, user));
            warm.Add(await ListAsync(catalog, user));
        }

        return (cold, warm);
    }

    private static async Task<int> StsCallsPerListingsAsync(Dictionary<string, string?> settings)
    {
        var counting = new CountingHttpClientFactory();
        using var host = BrokerHost.Build(settings, counting);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("bench-sts");
        for (var i = 0; i < Listings; i++)
        {
            await ListAsync(catalog, user);
        }

        return counting.StsCalls;
    }

    /// <summary>
    /// Raw STS latency of one hop against two, with the SDK's client. The second hop needs a broker role that the
    /// reader role trusts: created here for the measurement and the reader's trust restored afterwards.
    /// </summary>
    private static async Task CompareHopsAsync()
    {
        var readerArn = TestEnvironment.AwsRoleArn;
        var readerName = readerArn[(readerArn.LastIndexOf('/') + 1)..];
        var originalTrust = JsonNode.Parse(Admin("role", "get", "--role-name", readerName))!["AssumeRolePolicyDocument"]!.GetValue<string>();
        var webStatement = JsonNode.Parse(originalTrust)!["Statement"]!.AsArray().Single(s => s!["Principal"]!["Federated"] is not null)!;
        var hopTrust = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(webStatement.DeepClone()) };
        var hopArn = $"arn:aws:iam:::role/{HopRole}";
        Admin("role", "delete", "--role-name", HopRole);
        Admin("role", "create", "--role-name", HopRole, "--assume-role-policy-doc", hopTrust.ToJsonString());
        var chained = JsonNode.Parse(originalTrust)!.AsObject();
        chained["Statement"]!.AsArray().Add(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = new JsonArray(hopArn) },
            ["Action"] = new JsonArray("sts:AssumeRole"),
        });
        Admin("role", "modify", "--role-name", readerName, "--assume-role-policy-doc", chained.ToJsonString());
        try
        {
            var config = AwsClientConfigs.CreateStsConfig(new AwsOptions { Region = TestEnvironment.AwsRegion, ServiceUrl = new Uri(TestEnvironment.AwsServiceUrl), RoleArn = readerArn });
            using var anonymous = new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
            var policy = SessionPolicy.Build(TestEnvironment.Bucket, ["home/alice/"]);
            var oneHop = new List<double>();
            var firstHop = new List<double>();
            var secondHop = new List<double>();
            Credentials? hop = null;
            for (var i = 0; i < HopSamples; i++)
            {
                var token = (await File.ReadAllTextAsync(TestEnvironment.OidcTokenFile)).Trim();
                var clock = Stopwatch.StartNew();
                await anonymous.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
                {
                    RoleArn = readerArn, RoleSessionName = "fb-bench-one-hop", WebIdentityToken = token, DurationSeconds = 900, Policy = policy,
                });
                oneHop.Add(clock.Elapsed.TotalMilliseconds);

                clock.Restart();
                hop = (await anonymous.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
                {
                    RoleArn = hopArn, RoleSessionName = "fb-broker", WebIdentityToken = token, DurationSeconds = 900,
                })).Credentials;
                firstHop.Add(clock.Elapsed.TotalMilliseconds);

                using var chainedSts = new AmazonSecurityTokenServiceClient(new SessionAWSCredentials(hop.AccessKeyId, hop.SecretAccessKey, hop.SessionToken), config);
                clock.Restart();
                await chainedSts.AssumeRoleAsync(new AssumeRoleRequest
                {
                    RoleArn = readerArn, RoleSessionName = "fb-bench-two-hops", SourceIdentity = "bench-person", DurationSeconds = 900, Policy = policy,
                });
                secondHop.Add(clock.Elapsed.TotalMilliseconds);
            }

            Print($"One hop  (AssumeRoleWithWebIdentity to the reader, per person):      median {Median(oneHop):F1} ms (p95 {Percentile(oneHop, 0.95):F1})");
            Print($"Two hops, first  (AssumeRoleWithWebIdentity to the broker role, shared): median {Median(firstHop):F1} ms (p95 {Percentile(firstHop, 0.95):F1})");
            Print($"Two hops, second (AssumeRole with SourceIdentity, per person):        median {Median(secondHop):F1} ms (p95 {Percentile(secondHop, 0.95):F1})");
            Print($"Cold per-person STS cost, two hops with the first cached / one hop: {Median(secondHop) / Median(oneHop):F3}");
        }
        finally
        {
            Admin("role", "modify", "--role-name", readerName, "--assume-role-policy-doc", originalTrust);
            Admin("role", "delete", "--role-name", HopRole);
        }
    }

    private static AuthenticatedUser User(string id) => new(id, "Bench", ["projects/"], DateTimeOffset.UtcNow.AddHours(1));

    private static async Task<double> ListAsync(FileCatalog catalog, AuthenticatedUser user)
    {
        var clock = Stopwatch.StartNew();
        var result = await catalog.ListAsync(user, new ListFilesQuery(Prefix, null, null), CancellationToken.None);
        if (result.Failure is { } failure)
        {
            throw new InvalidOperationException($"Listing failed: {failure.Kind} {failure.Detail}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>radosgw-admin on the local endpoint's configuration; "role delete" of a missing role is not an error here.</summary>
    private static string Admin(params string[] arguments)
    {
        var start = new ProcessStartInfo("radosgw-admin") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(TestEnvironment.RepoRoot, ".local", "ceph", "ceph.conf"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && arguments[1] != "delete")
        {
            throw new InvalidOperationException($"radosgw-admin {string.Join(' ', arguments[..2])} failed: {errors}");
        }

        return output;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
