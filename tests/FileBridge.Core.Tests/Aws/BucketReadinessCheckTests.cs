using System.Net;
using FileBridge.Core.Aws;
using FileBridge.Core.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Aws;

/// <summary>The s3:&lt;location&gt; readiness check over a scripted STS and S3: what it asks, and how rarely.</summary>
public sealed class BucketReadinessCheckTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private int stsCalls;
    private int listCalls;
    private int readCalls;

    [Fact]
    public async Task Check_AskedOften_ListsOncePerCachePeriodAndKeepsItsCredentials()
    {
        var check = Build(read: () => new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new StringContent("R") });

        var answers = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await check.IsReadyAsync(CancellationToken.None));
        }

        clock.Advance(BucketReadinessCheck.CacheFor);
        answers.Add(await check.IsReadyAsync(CancellationToken.None));

        Assert.All(answers, Assert.True);
        Assert.Equal("s3:filebridge-demo", check.Name);
        Assert.Equal(2, listCalls);
        Assert.Equal(2, readCalls);
        Assert.Equal(1, stsCalls);
    }

    [Fact]
    public async Task Check_WhenReadingIsRefused_IsNotReady()
    {
        // What S3 answers when the role may list but not use the bucket's KMS key.
        var check = Build(read: () => ScriptedHttpHandler.Xml(HttpStatusCode.Forbidden,
            "<Error><Code>AccessDenied</Code><Message>User is not authorized to perform: kms:Decrypt</Message></Error>"));

        var ready = await check.IsReadyAsync(CancellationToken.None);

        Assert.False(ready);
        Assert.Equal(1, readCalls);
    }

    [Fact]
    public async Task Check_WhenTheBucketDoesNotExist_IsNotReady()
    {
        var check = Build(list: () => ScriptedHttpHandler.Xml(HttpStatusCode.NotFound,
            "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>"));

        var ready = await check.IsReadyAsync(CancellationToken.None);

        Assert.False(ready);
        Assert.Equal(0, readCalls);
    }

    [Fact]
    public async Task Check_WhenTheRoleIsRefused_IsNotReadyWithoutTouchingS3()
    {
        var check = Build(sts: () => ScriptedHttpHandler.StsError(HttpStatusCode.Forbidden, "AccessDenied"));

        var ready = await check.IsReadyAsync(CancellationToken.None);

        Assert.False(ready);
        Assert.Equal(0, listCalls);
    }

    private IReadinessCheck Build(Func<HttpResponseMessage>? sts = null, Func<HttpResponseMessage>? list = null, Func<HttpResponseMessage>? read = null)
    {
        var handler = new ScriptedHttpHandler((request, _, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/" || path.Length == 0)
            {
                Interlocked.Increment(ref stsCalls);
                return Task.FromResult(sts?.Invoke() ?? ScriptedHttpHandler.AssumeRoleOk(clock.GetUtcNow().AddMinutes(15)));
            }

            if (request.RequestUri.Query.Contains("list-type=2", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref listCalls);
                return Task.FromResult(list?.Invoke() ?? ScriptedHttpHandler.Xml(HttpStatusCode.OK, """
                    <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                      <Name>filebridge-demo</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>20</MaxKeys><IsTruncated>false</IsTruncated>
                      <Contents><Key>empty/</Key><Size>0</Size></Contents>
                      <Contents><Key>README.txt</Key><Size>12</Size></Contents>
                    </ListBucketResult>
                    """));
            }

            Interlocked.Increment(ref readCalls);
            Assert.EndsWith("/README.txt", path, StringComparison.Ordinal);
            return Task.FromResult(read?.Invoke() ?? new HttpResponseMessage(HttpStatusCode.PartialContent));
        });
        var host = AwsTestHost.Build(AwsTestHost.Settings(), new ScriptedHttpClientFactory(handler), clock);
        return host.Services.GetServices<IReadinessCheckSource>().SelectMany(s => s.Checks).Single();
    }
}
