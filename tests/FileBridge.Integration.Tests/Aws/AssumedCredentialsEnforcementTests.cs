using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Integration.Tests.Aws;

/// <summary>
/// The credentials the broker obtains are limited by the endpoint itself, not only by the app: these tests use
/// them directly against S3, bypassing every check FileBridge makes.
/// </summary>
public sealed class AssumedCredentialsEnforcementTests
{
    [Fact]
    public async Task PrefixLimitedCredentials_AreDeniedOutsideThePrefixByTheEndpoint()
    {
        using var host = BrokerHost.Build();
        var cache = host.Services.GetRequiredService<AssumedRoleCache>();
        var bucket = TestEnvironment.Bucket;
        using var lease = await cache.AcquireAsync(new RoleRequest("enforce-alice", ["home/alice/"], host.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None);
        var session = lease.Session;

        var own = await session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "home/alice/", Delimiter = "/" });
        using var ownObject = await session.S3.GetObjectAsync(bucket, "home/alice/todo.txt");
        var otherList = await Assert.ThrowsAsync<AmazonS3Exception>(
            () => session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "home/bob/", Delimiter = "/" }));
        var rootList = await Assert.ThrowsAsync<AmazonS3Exception>(
            () => session.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Delimiter = "/" }));
        var otherObject = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.GetObjectAsync(bucket, "home/bob/todo.txt"));
        var rootObject = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.GetObjectAsync(bucket, "README.txt"));

        Assert.Contains(own.S3Objects, o => o.Key == "home/alice/todo.txt");
        Assert.Equal(HttpStatusCode.OK, ownObject.HttpStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rootList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherObject.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rootObject.StatusCode);
    }

    [Fact]
    public async Task RoleCredentials_CannotWrite()
    {
        using var host = BrokerHost.Build();
        using var lease = await host.Services.GetRequiredService<AssumedRoleCache>().AcquireAsync(new RoleRequest("enforce-writer", [], host.Services.GetRequiredService<FileLocations>().All[0]), CancellationToken.None);
        var session = lease.Session;

        var put = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = TestEnvironment.Bucket,
            Key = $"home/alice/written-{Guid.NewGuid():N}.txt",
            ContentBody = "must not be stored",
        }));
        var delete = await Assert.ThrowsAsync<AmazonS3Exception>(() => session.S3.DeleteObjectAsync(TestEnvironment.Bucket, "README.txt"));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task PresignedLink_ReturnsTheExactBytesThenExpires()
    {
        // The one test that must wait (1-2 s) for the real endpoint's clock, which alone decides expiry. Not 1 s: the
        // signature's X-Amz-Date is cut to the whole second, so a 1 s link can die before the first GET arrives.
        using var host = BrokerHost.Build(new() { ["Files:DownloadUrlLifetime"] = "00:00:02" });
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = new AuthenticatedUser("enforce-link", "L", ["shared/"], DateTimeOffset.UtcNow.AddHours(1));
        using var http = new HttpClient();

        var link = (await catalog.GetDownloadLinkAsync(user, "shared/Résumé draft.txt", CancellationToken.None)).Value!;
        using var fresh = await http.GetAsync(link.Url);
        var bytes = await fresh.Content.ReadAsByteArrayAsync();
        // The endpoint judges expiry on its own (real) clock: ask again until it refuses, within a generous deadline.
        using var expired = await Poll.UntilAsync(
            () => http.GetAsync(link.Url), r => r.StatusCode != HttpStatusCode.OK, "the link to expire", TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("Résumé draft — key with a space and non-ASCII letters.\n"u8.ToArray(), bytes);
        Assert.Equal("attachment", fresh.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Résumé draft.txt", fresh.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }
}
