using System.Net;
using FileBridge.Core.Health;
using FileBridge.Core.Tests.Aws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Health;

/// <summary>The sts and s3:&lt;location&gt; readiness checks over a scripted STS and S3: what they ask, and how rarely.</summary>
public sealed class ReadinessReportTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly List<IHost> _hosts = [];

    private int _stsCalls;
    private int _listCalls;
    private int _readCalls;

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task CheckAsync_AskedOften_ProbesOncePerCachePeriodAndKeepsTheBucketsCredentials()
    {
        var readiness = Build();

        var reports = new List<HealthReport>();
        for (var i = 0; i < 20; i++)
        {
            reports.Add(await readiness.CheckAsync(CancellationToken.None));
        }

        var (stsBefore, listsBefore) = (_stsCalls, _listCalls);
        _clock.Advance(ReadinessReport.CacheFor);
        reports.Add(await readiness.CheckAsync(CancellationToken.None));

        Assert.All(reports, r => Assert.Equal(HealthStatus.Healthy, r.Status));
        Assert.Equal(["s3:filebridge-demo", "sts"], reports[0].Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2, 1), (stsBefore, listsBefore)); // the sts check's own call, and the bucket's credentials
        Assert.Equal(2, _listCalls);
        Assert.Equal(2, _readCalls);
        Assert.Equal(3, _stsCalls); // the sts check asks STS again; the bucket's credentials are still cached
    }

    [Fact]
    public async Task CheckAsync_AskedAtOnce_SharesOneRun()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readiness = Build(list: async () =>
        {
            await release.Task;
            return DemoListing();
        });

        var asks = Enumerable.Range(0, 20).Select(_ => readiness.CheckAsync(CancellationToken.None)).ToList();
        release.SetResult();
        var reports = await Task.WhenAll(asks);

        Assert.All(reports, r => Assert.Equal(HealthStatus.Healthy, r.Status));
        Assert.Equal(1, _listCalls);
    }

    [Fact]
    public async Task CheckAsync_WhenReadingIsRefused_OnlyTheBucketIsNotReady()
    {
        // What S3 answers when the role may list but not use the bucket's KMS key.
        var readiness = Build(read: () => ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden,
            "<Error><Code>AccessDenied</Code><Message>User is not authorized to perform: kms:Decrypt</Message></Error>"));

        var report = await readiness.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["s3:filebridge-demo"].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries["sts"].Status);
        Assert.Equal(1, _readCalls);
    }

    [Fact]
    public async Task CheckAsync_WhenTheBucketDoesNotExist_TheBucketIsNotReady()
    {
        var readiness = Build(list: () => Task.FromResult(ScriptedHttpHandler.Xml(HttpStatusCode.NotFound,
            "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>")));

        var report = await readiness.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["s3:filebridge-demo"].Status);
        Assert.Equal(0, _readCalls);
    }

    [Fact]
    public async Task CheckAsync_WhenTheRoleIsRefused_StsAndTheBucketAreNotReadyWithoutTouchingS3()
    {
        var readiness = Build(sts: () => ScriptedHttpHandler.StsError(HttpStatusCode.Forbidden, "AccessDenied"));

        var report = await readiness.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["sts"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["s3:filebridge-demo"].Status);
        Assert.Equal(0, _listCalls);
    }

    [Fact]
    public async Task CheckAsync_BucketSaysTheProbesTokenIsBad_FetchesNewCredentialsAndIsReady()
    {
        var answers = new Queue<bool>([false, true]);
        var readiness = Build(list: () => Task.FromResult(answers.Dequeue()
            ? DemoListing()
            : ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden, "<Error><Code>InvalidClientTokenId</Code></Error>")));

        var report = await readiness.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, report.Entries["s3:filebridge-demo"].Status);
        Assert.Equal(2, _listCalls);
        Assert.Equal(3, _stsCalls);
    }

    [Fact]
    public async Task CheckAsync_SeveralLocations_NamesEachByItsName()
    {
        var settings = AwsTestHost.Settings();
        settings["Files:Locations:0:Name"] = "logs";
        settings["Files:Locations:0:Bucket"] = "acme-logs";
        settings["Files:Locations:1:Name"] = "builds";
        settings["Files:Locations:1:Bucket"] = "acme-ci";
        var readiness = Build(settings: settings);

        var report = await readiness.CheckAsync(CancellationToken.None);

        Assert.Equal(["s3:builds", "s3:logs", "sts"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
        Assert.Equal(1 + 2, _stsCalls); // one role for both: the sts check assumes it once
    }

    private static HttpResponseMessage DemoListing() => ScriptedHttpHandler.Xml(HttpStatusCode.OK, """
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>filebridge-demo</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>20</MaxKeys><IsTruncated>false</IsTruncated>
          <Contents><Key>empty/</Key><Size>0</Size></Contents>
          <Contents><Key>README.txt</Key><Size>12</Size></Contents>
        </ListBucketResult>
        """);

    private ReadinessReport Build(
        Func<HttpResponseMessage>? sts = null,
        Func<Task<HttpResponseMessage>>? list = null,
        Func<HttpResponseMessage>? read = null,
        Dictionary<string, string?>? settings = null)
    {
        var handler = new ScriptedHttpHandler(async (request, _, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/" || path.Length == 0)
            {
                Interlocked.Increment(ref _stsCalls);
                return sts?.Invoke() ?? ScriptedHttpHandler.AssumeRoleOk(_clock.GetUtcNow().AddMinutes(15));
            }

            if (request.RequestUri.Query.Contains("list-type=2", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _listCalls);
                return list is null ? DemoListing() : await list();
            }

            Interlocked.Increment(ref _readCalls);
            Assert.EndsWith("/README.txt", path, StringComparison.Ordinal);
            return read?.Invoke() ?? new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new StringContent("R") };
        });
        var host = AwsTestHost.Build(settings ?? AwsTestHost.Settings(), new ScriptedHttpClientFactory(handler), _clock);
        _hosts.Add(host);
        return host.Services.GetRequiredService<ReadinessReport>();
    }
}
