using System.Net;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Integration.Tests.Aws;

/// <summary>
/// No request pattern of a signed-in person drives STS calls. Real SDK clients and the real local endpoint, with the
/// answers AWS gives but the local endpoint does not injected under the SDK.
/// </summary>
public sealed class CredentialChurnTests
{
    private static AuthenticatedUser User(string prefixes) =>
        new($"churn-{Guid.NewGuid():N}"[..24], "C", prefixes.Split(';'), DateTimeOffset.UtcNow.AddHours(1));

    [Fact]
    public async Task HeadAnswering403ForMissingKeysInScope_IsNotFoundAndAssumesTheRoleOnce()
    {
        // On AWS, without s3:ListBucket on the key, HEAD of a missing key answers a bare 403.
        var heads = 0;
        var http = new FaultInjectingHttpClientFactory
        {
            S3Fault = request => request.Method == HttpMethod.Head && Interlocked.Increment(ref heads) > 0
                ? new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new ByteArrayContent([]) }
                : null,
        };
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("home/alice/");

        var results = new List<FileResult<DownloadLink>>();
        for (var i = 0; i < 100; i++)
        {
            results.Add(await catalog.GetDownloadLinkAsync(user, $"home/alice/missing-{i}.txt", CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal(FileFailureKind.NotFound, r.Failure?.Kind));
        Assert.Equal(100, heads);
        Assert.True(http.StsCalls <= 1, $"{http.StsCalls} AssumeRole calls for 100 requests");
        Assert.Equal(1, http.StsCalls);
    }

    [Fact]
    public async Task ListingAnswering403AccessDenied_KeepsTheCredentials()
    {
        var http = new FaultInjectingHttpClientFactory
        {
            S3Fault = request => request.Method == HttpMethod.Get
                ? FaultInjectingHttpClientFactory.StsError(HttpStatusCode.Forbidden, "AccessDenied")
                : null,
        };
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("home/alice/");

        for (var i = 0; i < 100; i++)
        {
            var result = await catalog.ListAsync(user, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
            Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
        }

        Assert.Equal(1, http.StsCalls);
    }

    [Fact]
    public async Task ListingAnsweringExpiredToken_FetchesNewCredentialsAtMostOnceAMinute()
    {
        var http = new FaultInjectingHttpClientFactory
        {
            S3Fault = request => request.Method == HttpMethod.Get
                ? FaultInjectingHttpClientFactory.StsError(HttpStatusCode.BadRequest, "ExpiredToken")
                : null,
        };
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("home/alice/");

        for (var i = 0; i < 100; i++)
        {
            await catalog.ListAsync(user, new ListFilesQuery("home/alice/", null, null), CancellationToken.None);
        }

        // One for the first request, one after AWS first called them bad; then none for the rest of the minute.
        Assert.Equal(2, http.StsCalls);
    }

    [Fact]
    public async Task ListingAfterOneExpiredToken_RecoversWithFreshCredentials()
    {
        var faults = 1;
        var http = new FaultInjectingHttpClientFactory
        {
            S3Fault = request => request.Method == HttpMethod.Get && Interlocked.Decrement(ref faults) >= 0
                ? FaultInjectingHttpClientFactory.StsError(HttpStatusCode.BadRequest, "ExpiredToken")
                : null,
        };
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();

        var result = await catalog.ListAsync(User("home/alice/"), new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Contains(result.Value!.Files, f => f.Key == "home/alice/todo.txt");
        Assert.Equal(2, http.StsCalls);
    }
}
