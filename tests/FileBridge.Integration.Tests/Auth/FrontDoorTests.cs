using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

/// <summary><c>Web:RequiredFrontDoorId</c> in a started DevHost: validated at start-up, applied to every route but the probes.</summary>
public sealed class FrontDoorTests
{
    private const string FrontDoorId = "0b7e4c9a-2f1d-4e8b-a6c3-5d9f1e2a3b4c";

    [Fact]
    public async Task Start_WithAFrontDoorIdThatIsNoGuid_StopsNamingTheSetting()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Web:RequiredFrontDoorId"] = "my-front-door";

        var (exitCode, output) = await DevHostProcess.RunToExitAsync(settings, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Web:RequiredFrontDoorId", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredFrontDoor_RefusesOtherRequests_ButNotTheProbes()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Web:RequiredFrontDoorId"] = FrontDoorId;
        await using var host = await DevHostProcess.StartAsync(settings);
        using var client = host.CreateClient();

        using var direct = await client.GetAsync("api/auth/me");
        using var otherProfile = await SendAsync(client, "api/auth/me", Guid.NewGuid().ToString());
        using var throughFrontDoor = await SendAsync(client, "api/auth/me", FrontDoorId);
        using var health = await client.GetAsync("api/health");
        using var ready = await client.GetAsync("api/health/ready");

        await ProblemAssert.IsProblemAsync(direct, HttpStatusCode.Forbidden, "forbidden_origin");
        await ProblemAssert.IsProblemAsync(otherProfile, HttpStatusCode.Forbidden, "forbidden_origin");
        await ProblemAssert.IsProblemAsync(throughFrontDoor, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, ready.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string frontDoorId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Azure-FDID", frontDoorId);
        return await client.SendAsync(request);
    }
}
