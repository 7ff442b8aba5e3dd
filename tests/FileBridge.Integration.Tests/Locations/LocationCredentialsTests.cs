using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Integration.Tests.Locations;

/// <summary>
/// Each location's credentials hold on the endpoint's side alone: the credentials FileBridge would use for a person's
/// grants in one location, used directly against S3, reach neither the rest of that location nor the other bucket.
/// </summary>
public sealed class LocationCredentialsTests
{
    [Fact]
    public async Task LogsCredentials_ForAGrantedFolder_AreDeniedElsewhereByTheEndpoint()
    {
        using var host = BrokerHost.Build(TestEnvironment.LocationSettings());
        var locations = host.Services.GetRequiredService<FileLocations>();
        var logs = locations.All.Single(l => l.Name == "logs");
        var request = host.Services.GetRequiredService<AccessPolicy>().CredentialsFor("loc-creds-mixed", AccessScope.From(["demo/home/alice/", "logs/app/"]), logs)!;
        using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(request, CancellationToken.None);
        var s3 = lease.Session.S3;

        var own = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = TestEnvironment.LogsBucket, Prefix = "app/" });
        var otherFolder = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(TestEnvironment.LogsBucket, "preview/notes.txt"));
        var otherBucket = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(TestEnvironment.Bucket, "home/alice/todo.txt"));

        Assert.Equal(["app/"], request.Prefixes);
        Assert.Equal(TestEnvironment.LogsRoleArn, request.Location.RoleArn);
        Assert.Contains(own.S3Objects, o => o.Key == "app/2025/01/app-01.log");
        Assert.Equal(HttpStatusCode.Forbidden, otherFolder.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBucket.StatusCode);
    }

    [Fact]
    public async Task LogsRole_WithoutSessionPolicy_StillCannotReadTheOtherBucket()
    {
        using var host = BrokerHost.Build(TestEnvironment.LocationSettings());
        var locations = host.Services.GetRequiredService<FileLocations>();
        var logs = locations.All.Single(l => l.Name == "logs");
        var request = host.Services.GetRequiredService<AccessPolicy>().CredentialsFor("loc-creds-all", AccessScope.From(["*"]), logs)!;
        using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(request, CancellationToken.None);

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => lease.Session.S3.GetObjectAsync(TestEnvironment.Bucket, "README.txt"));
        using var own = await lease.Session.S3.GetObjectAsync(TestEnvironment.LogsBucket, "preview/notes.txt");

        Assert.Empty(request.Prefixes);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.HttpStatusCode);
    }

    [Fact]
    public async Task SubtreeLocation_WholeGrant_IsLimitedToTheSubtreeByTheEndpoint()
    {
        using var host = BrokerHost.Build(TestEnvironment.LocationSettings());
        var locations = host.Services.GetRequiredService<FileLocations>();
        var alpha = locations.All.Single(l => l.Name == "alpha");
        var request = host.Services.GetRequiredService<AccessPolicy>().CredentialsFor("loc-creds-alpha", AccessScope.From(["alpha/"]), alpha)!;
        using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(request, CancellationToken.None);

        using var own = await lease.Session.S3.GetObjectAsync(TestEnvironment.Bucket, "projects/alpha/notes.txt");
        var outside = await Assert.ThrowsAsync<AmazonS3Exception>(() => lease.Session.S3.GetObjectAsync(TestEnvironment.Bucket, "README.txt"));

        Assert.Equal(["projects/alpha/"], request.Prefixes);
        Assert.Equal(HttpStatusCode.OK, own.HttpStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }
}
