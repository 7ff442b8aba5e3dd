using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

public sealed class SessionTimeoutTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Me_AfterIdleTimeout_Answers401()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Sessions:IdleTimeout"] = "00:00:02";
        await using var host = await DevHostProcess.StartAsync(settings);
        var name = LoginTests.NewName();
        await new TestUsers(settings).AddAsync(name, Password);
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);
        using var active = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        await Task.Delay(TimeSpan.FromSeconds(3));
        using var idle = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
    }

    [Fact]
    public async Task Me_KeptActivePastAbsoluteTimeout_Answers401()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Sessions:IdleTimeout"] = "00:00:02";
        settings["Sessions:AbsoluteTimeout"] = "00:00:04";
        await using var host = await DevHostProcess.StartAsync(settings);
        var name = LoginTests.NewName();
        await new TestUsers(settings).AddAsync(name, Password);
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.6));
            using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
            statuses.Add(me.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.OK, statuses[4]);
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[^1]);
    }
}
