using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>The default idle (30 minutes) and absolute (8 hours) timeouts, on a clock the test moves.</summary>
public sealed class SessionTimeoutTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Me_AfterIdleTimeout_Answers401()
    {
        var (host, clock, client, token) = await SignedInAsync();
        await using var _ = host;
        using var __ = client;

        clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        using var active = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
        clock.Advance(TimeSpan.FromMinutes(30));
        using var idle = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        await ProblemAssert.IsProblemAsync(idle, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Me_KeptActivePastAbsoluteTimeout_Answers401()
    {
        var (host, clock, client, token) = await SignedInAsync();
        await using var _ = host;
        using var __ = client;
        var answers = new List<(TimeSpan SentAt, HttpStatusCode Status)>();

        // Activity every 20 minutes keeps the idle timeout from ending the session; only the absolute one can.
        for (var sinceLogin = TimeSpan.FromMinutes(20); sinceLogin <= TimeSpan.FromHours(8) + TimeSpan.FromMinutes(20); sinceLogin += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
            answers.Add((sinceLogin, me.StatusCode));
        }

        Assert.All(answers.Where(a => a.SentAt < TimeSpan.FromHours(8)), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Where(a => a.SentAt >= TimeSpan.FromHours(8)), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Contains(answers, a => a.SentAt >= TimeSpan.FromHours(8));
    }

    private static async Task<(InProcessDevHost Host, TestClock Clock, HttpClient Client, string Token)> SignedInAsync()
    {
        var settings = TestEnvironment.BaseSettings();
        var clock = new TestClock();
        var host = InProcessDevHost.Start(settings, clock);
        var name = LoginTests.NewName();
        await new TestUsers(settings).AddAsync(name, Password);
        var client = host.CreateClient();
        return (host, clock, client, await ApiSession.SignInAsync(client, name, Password));
    }
}
