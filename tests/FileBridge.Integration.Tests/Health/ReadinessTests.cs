using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Health;

/// <summary>Readiness against the real endpoint: every location's bucket is read through its role.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WithTheRightBucket_NamesTheBucketCheckOk()
    {
        var settings = TestEnvironment.BaseSettings();
        await using var host = InProcessDevHost.Start(settings);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("api/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("ok", checks.GetProperty($"s3:{TestEnvironment.Bucket}").GetString());
        Assert.Equal("ok", checks.GetProperty("sts").GetString());
    }

    [Fact]
    public async Task Ready_WithAWrongBucket_Answers503NamingOnlyTheBucket()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Files:Bucket"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = InProcessDevHost.Start(settings);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("api/health/ready");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "not_ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([$"s3:{settings["Files:Bucket"]}"], body.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Ready_WhenTheRoleIsRefused_Answers503NamingStsAndTheBucket()
    {
        // The "other" user is not in the role's trust policy: the endpoint refuses AssumeRole.
        var settings = TestEnvironment.BaseSettings();
        settings["Aws:AccessKeyId"] = TestEnvironment.OtherAccessKeyId;
        settings["Aws:SecretAccessKey"] = TestEnvironment.OtherSecretAccessKey;
        await using var host = InProcessDevHost.Start(settings);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("api/health/ready");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "not_ready");
        var failed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("failed")
            .EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal);
        Assert.Equal([$"s3:{TestEnvironment.Bucket}", "sts"], failed);
    }
}
