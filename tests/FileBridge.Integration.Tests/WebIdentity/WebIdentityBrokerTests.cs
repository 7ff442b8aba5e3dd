using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Health;
using FileBridge.Core.Sessions;
using FileBridge.Integration.Tests.Aws;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Integration.Tests.WebIdentity;

/// <summary>The broker in keyless mode, in-process, against the real local endpoint and the local issuer.</summary>
public sealed class WebIdentityBrokerTests
{
    private static Dictionary<string, string?> Keyless(string? tokenFile = null)
    {
        var settings = TestEnvironment.WebIdentitySettings(tokenFile);
        return settings.Where(s => s.Key.StartsWith("Aws:", StringComparison.Ordinal)).ToDictionary();
    }

    private static AuthenticatedUser User(string prefixes) =>
        new($"keyless-{Guid.NewGuid():N}"[..24], "K", prefixes.Length == 0 ? [] : prefixes.Split(';'), DateTimeOffset.UtcNow.AddHours(1));

    [Fact]
    public async Task SessionPolicy_StillNarrowsOnTheEndpoint_WhenTheAppIsBypassed()
    {
        using var host = BrokerHost.Build(Keyless());
        var bucket = TestEnvironment.Bucket;
        using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(new RoleRequest("keyless-enforce", ["home/alice/"], host.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None);
        var session = lease.Session;

        var own = await session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "home/alice/", Delimiter = "/" });
        var other = await Assert.ThrowsAsync<AmazonS3Exception>(
            () => session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "home/bob/", Delimiter = "/" }));
        var root = await Assert.ThrowsAsync<AmazonS3Exception>(
            () => session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/" }));
        var otherObject = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.GetObjectAsync(bucket, "home/bob/todo.txt"));

        Assert.Contains(own.S3Objects, o => o.Key == "home/alice/todo.txt");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, root.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherObject.StatusCode);
    }

    [Fact]
    public async Task RoleCredentials_CannotWrite()
    {
        using var host = BrokerHost.Build(Keyless());
        using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(new RoleRequest("keyless-writer", [], host.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None);
        var session = lease.Session;

        var put = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = TestEnvironment.Bucket,
            Key = $"home/alice/written-{Guid.NewGuid():N}.txt",
            ContentBody = "must not be stored",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task FiftyConcurrentFirstRequests_CallStsOnce()
    {
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(Keyless(), http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("shared/");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => catalog.ListAsync(user, new ListFilesQuery("shared/", null, null), CancellationToken.None))));

        Assert.All(results, r => Assert.Null(r.Failure));
        Assert.Equal(1, http.StsCalls);
    }

    [Fact]
    public async Task TheBrokerHoldsNoAwsKey_AndTheStsCallIsUnsigned()
    {
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(Keyless(), http);

        var result = await host.Services.GetRequiredService<FileCatalog>().ListAsync(User("home/alice/"), new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(1, http.AssumeRoleCallsReachingEndpoint);
        Assert.All(http.StsAuthorizationHeaders, Assert.Null);
    }

    [Fact]
    public async Task ReadinessCheck_WithAGoodToken_IsReady()
    {
        using var host = BrokerHost.Build(Keyless());
        var report = await host.Services.GetRequiredService<ReadinessReport>().CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, report.Entries["sts"].Status);
    }

    [Fact]
    public async Task ReadinessCheck_WithoutATokenFile_IsNotReady()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"filebridge-missing-{Guid.NewGuid():N}.jwt");
        using var host = BrokerHost.Build(Keyless(missing));
        var report = await host.Services.GetRequiredService<ReadinessReport>().CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["sts"].Status);
    }
}
