using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>With STS and S3 unreachable, the API answers 503 upstream_unavailable with Retry-After, quickly and never 500.</summary>
public sealed class UnreachableEndpointTests
{
    [Fact]
    public async Task List_WhenTheEndpointIsDown_Answers503AndThenFailsFastWithTheBreakerOpen()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Aws:ServiceUrl"] = "http://127.0.0.1:9"; // discard port: connection refused
        settings["Aws:StsMaxRetries"] = "1";
        settings["Aws:StsBaseDelay"] = "00:00:00.010";
        settings["Aws:StsBreakerMinimumThroughput"] = "2";
        await using var host = await DevHostProcess.StartAsync(settings);
        await new TestUsers(settings).AddAsync("unreachable", FilesApiFixture.Password, prefixes: "*");
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, "unreachable", FilesApiFixture.Password);

        var statuses = new List<HttpStatusCode>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            using var request = ApiSession.Request(HttpMethod.Get, "api/files", token);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("upstream_unavailable", body.RootElement.GetProperty("code").GetString());
        }

        var lastClock = Stopwatch.StartNew();
        using var last = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files", token));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, last.StatusCode);
        Assert.True(lastClock.Elapsed < TimeSpan.FromSeconds(3), $"breaker-open answer took {lastClock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
