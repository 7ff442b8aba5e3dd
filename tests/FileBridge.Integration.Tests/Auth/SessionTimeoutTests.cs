using System.Diagnostics;
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
        // Wide enough that a loaded machine's slow answers do not let the idle timeout end it first.
        settings["Sessions:IdleTimeout"] = "00:00:04";
        settings["Sessions:AbsoluteTimeout"] = "00:00:09";
        await using var host = await DevHostProcess.StartAsync(settings);
        var name = LoginTests.NewName();
        await new TestUsers(settings).AddAsync(name, Password);
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);
        var sinceLogin = Stopwatch.StartNew();
        var answers = new List<(TimeSpan SentAt, HttpStatusCode Status)>();

        // Activity every half second keeps the idle timeout from ending the session; only the absolute one can.
        while (sinceLogin.Elapsed < TimeSpan.FromSeconds(11))
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            var sentAt = sinceLogin.Elapsed;
            using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
            answers.Add((sentAt, me.StatusCode));
        }

        Assert.Contains(answers, a => a.SentAt > TimeSpan.FromSeconds(5) && a.Status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, answers[^1].Status);
        Assert.True(answers[^1].SentAt > TimeSpan.FromSeconds(10));
    }
}
