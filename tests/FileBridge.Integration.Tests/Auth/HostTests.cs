using System.Net;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

public sealed class HostTests(DevHostFixture fixture) : IClassFixture<DevHostFixture>
{
    [Fact]
    public async Task Health_Anonymous_AnswersOk()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_Head_AnswersOkForUptimeProbes()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithReachableTable_AnswersOk()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("ok", checks.GetProperty("users").GetString());
    }

    [Fact]
    public async Task UnreachableTable_ReadyAnswers503NamingUsers_AndLoginAnswers503()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Users:ConnectionString"] = TestEnvironment.AzuriteConnectionString.Replace(
            new Uri(TestEnvironment.AzuriteConnectionString.Split("TableEndpoint=")[1].Split(';')[0]).Authority, "127.0.0.1:1", StringComparison.Ordinal);
        await using var host = InProcessDevHost.Start(settings);
        using var client = host.CreateClient();

        using var ready = await client.GetAsync("api/health/ready");
        using var login = await ApiSession.LoginAsync(client, "someone", "some password");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("failed", body.GetProperty("checks").GetProperty("users").GetString());
        Assert.Equal(["users"], body.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(503, body.GetProperty("status").GetInt32());
        await ProblemAssert.IsProblemAsync(login, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.True(login.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Page_DeepLink_ServesTheAppWithSecurityHeaders()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("browse/projects/alpha/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", string.Join(';', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticWebAppConfig_IsNotServed()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("staticwebapp.config.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersProblem404()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/no/such/route");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("Users:ConnectionString", "Users:ConnectionString")]
    [InlineData("Users:TableName", "Users:TableName")]
    public async Task Start_WithMissingSetting_StopsNamingTheSetting(string setting, string expectedInMessage)
    {
        var settings = TestEnvironment.BaseSettings();
        settings[setting] = "";
        settings["Aws:RoleArn"] = settings["Aws:RoleArn"] ?? "arn:aws:iam:::role/filebridge-reader";

        var (exitCode, output) = await DevHostProcess.RunToExitAsync(settings, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expectedInMessage, output, StringComparison.Ordinal);
    }
}
