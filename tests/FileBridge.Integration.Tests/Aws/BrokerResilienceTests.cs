using System.Diagnostics;
using System.Net;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Health;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FileBridge.Integration.Tests.Aws;

/// <summary>The real SDK clients against the real local endpoint, with faults injected under the SDK.</summary>
public sealed class BrokerResilienceTests
{
    private static AuthenticatedUser User(string prefixes) =>
        new($"resilience-{Guid.NewGuid():N}"[..24], "R", prefixes.Split(';'), DateTimeOffset.UtcNow.AddHours(1));

    [Fact]
    public async Task TransientFaults_AreRetriedAndTheRequestSucceeds()
    {
        var http = new FaultInjectingHttpClientFactory
        {
            StsFault = call => call switch
            {
                1 => FaultInjectingHttpClientFactory.StsError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
                2 => FaultInjectingHttpClientFactory.StsError(HttpStatusCode.BadRequest, "Throttling"),
                3 => FaultInjectingHttpClientFactory.ThrowSocketFault(),
                _ => null,
            },
        };
        using var host = BrokerHost.Build(http: http);

        var result = await host.Services.GetRequiredService<FileCatalog>().ListAsync(User("home/alice/"), new ListFilesQuery("home/alice/", null, null), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Contains(result.Value!.Files, f => f.Key == "home/alice/todo.txt");
        Assert.Equal(4, http.StsCalls);
        Assert.Equal(1, http.AssumeRoleCallsReachingEndpoint);
    }

    [Fact]
    public async Task PermanentRefusalByTheEndpoint_FailsAfterOneCall()
    {
        // The "other" user is not in the role's trust policy: the real endpoint answers AccessDenied.
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(
            new() { ["Aws:AccessKeyId"] = TestEnvironment.OtherAccessKeyId, ["Aws:SecretAccessKey"] = TestEnvironment.OtherSecretAccessKey },
            http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("*");

        var first = await catalog.ListAsync(user, new ListFilesQuery("", null, null), CancellationToken.None);
        var second = await catalog.ListAsync(user, new ListFilesQuery("", null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Unavailable, first.Failure?.Kind);
        Assert.Equal(FileFailureKind.Unavailable, second.Failure?.Kind);
        Assert.Equal(1, http.StsCalls); // the second was answered from the denial memory
    }

    [Fact]
    public async Task PersistentOutage_OpensTheBreakerAndAnswersQuickly()
    {
        var http = new FaultInjectingHttpClientFactory
        {
            StsFault = _ => FaultInjectingHttpClientFactory.StsError(HttpStatusCode.InternalServerError, "InternalFailure"),
        };
        using var host = BrokerHost.Build(new() { ["Aws:StsBreakerMinimumThroughput"] = "4", ["Aws:StsMaxRetries"] = "1" }, http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        for (var i = 0; i < 3; i++)
        {
            await catalog.ListAsync(User("*"), new ListFilesQuery("", null, null), CancellationToken.None);
        }

        var callsBefore = http.StsCalls;
        var clock = Stopwatch.StartNew();
        var result = await catalog.ListAsync(User("*"), new ListFilesQuery("", null, null), CancellationToken.None);

        Assert.Equal(FileFailureKind.Unavailable, result.Failure?.Kind);
        Assert.Equal(callsBefore, http.StsCalls);
        Assert.True(result.Failure!.RetryAfter >= TimeSpan.FromSeconds(1));
        // Generous bound: the call count above proves the breaker; this only rules out waiting on timeouts.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ManyRequestsByOneUser_CallAssumeRoleOnce()
    {
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("projects/");

        for (var i = 0; i < 25; i++)
        {
            var result = await catalog.ListAsync(user, new ListFilesQuery("projects/", null, null), CancellationToken.None);
            Assert.Null(result.Failure);
        }

        Assert.Equal(1, http.StsCalls);
    }

    [Fact]
    public async Task FiftyConcurrentFirstRequests_CallAssumeRoleOnce()
    {
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(http: http);
        var catalog = host.Services.GetRequiredService<FileCatalog>();
        var user = User("shared/");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => catalog.ListAsync(user, new ListFilesQuery("shared/", null, null), CancellationToken.None))));

        Assert.All(results, r => Assert.Null(r.Failure));
        Assert.Equal(1, http.StsCalls);
    }

    [Fact]
    public async Task Readiness_AssumesTheRoleAndCachesTheAnswer()
    {
        var http = new FaultInjectingHttpClientFactory();
        using var host = BrokerHost.Build(http: http);
        var readiness = host.Services.GetRequiredService<ReadinessReport>();

        var first = await readiness.CheckAsync(CancellationToken.None);
        var callsAfterFirst = http.StsCalls;
        var second = await readiness.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, first.Entries["sts"].Status);
        Assert.Equal(HealthStatus.Healthy, second.Entries["sts"].Status);
        Assert.Equal(2, callsAfterFirst); // the sts check's own call, and the credentials the bucket is read with
        Assert.Equal(callsAfterFirst, http.StsCalls);
    }
}
