using System.Net;
using System.Net.Http.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>
/// Rate limits and the password-check gate over HTTP, against real Azurite. The limits run on a clock the test
/// moves, so no bucket refills behind its back on a slow machine.
/// </summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task Login_OverThePerClientRate_Answers429RateLimitedWithRetryAfter()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Throttle:LoginPerClientPerMinute"] = "3";
        var clock = new TestClock();
        await using var host = InProcessDevHost.Start(settings, clock);
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await ApiSession.LoginAsync(client, LoginTests.NewName(), "wrong password");
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await ApiSession.LoginAsync(client, LoginTests.NewName(), "wrong password");
        clock.Advance(TimeSpan.FromSeconds(19));
        using var stillRefused = await ApiSession.LoginAsync(client, LoginTests.NewName(), "wrong password");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var refilled = await ApiSession.LoginAsync(client, LoginTests.NewName(), "wrong password");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
        // Three a minute: one comes back every 20 seconds.
        Assert.Equal(20, RetryAfter(refused));
        await ProblemAssert.IsProblemAsync(stillRefused, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(1, RetryAfter(stillRefused));
        Assert.Equal(HttpStatusCode.Unauthorized, refilled.StatusCode);
    }

    [Fact]
    public async Task Login_SpoofedForwardingHeaderWithoutClientAddressHeaderSetting_IsStillCountedBySocket()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Throttle:LoginPerClientPerMinute"] = "2";
        await using var host = InProcessDevHost.Start(settings, new TestClock());
        using var client = host.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await LoginFromAsync(client, "X-Forwarded-For", $"198.51.100.{i}", LoginTests.NewName());
            answers.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Login_OneNameFromManyAddresses_IsLimitedPerName()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Throttle:LoginPerClientPerMinute"] = "2";
        settings["Web:ClientAddressHeader"] = "X-Client-Address";
        settings["Login:MaxFailedAttempts"] = "100";
        await using var host = InProcessDevHost.Start(settings, new TestClock());
        using var client = host.CreateClient();
        var name = LoginTests.NewName();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await LoginFromAsync(client, "X-Client-Address", $"203.0.113.{i}", name);
            answers.Add(response.StatusCode);
        }

        using var otherName = await LoginFromAsync(client, "X-Client-Address", "203.0.113.200", LoginTests.NewName());
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Unauthorized, otherName.StatusCode);
    }

    [Fact]
    public async Task AnyRoute_OverTheRequestRate_Answers429RateLimited()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Throttle:RequestsPerSecond"] = "1";
        settings["Throttle:Burst"] = "3";
        var clock = new TestClock();
        await using var host = InProcessDevHost.Start(settings, clock);
        using var client = host.CreateClient();

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var answer = await client.GetAsync("api/auth/me");
            burst.Add(answer.StatusCode);
        }

        using var response = await client.GetAsync("api/auth/me");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var refilled = await client.GetAsync("api/auth/me");

        Assert.All(burst, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(1, RetryAfter(response));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, refilled.StatusCode);
    }

    [Fact]
    public async Task Login_FullPasswordCheckQueue_Answers503BusyWithoutHashing()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Throttle:ConcurrentPasswordChecks"] = "1";
        settings["Throttle:PasswordCheckQueue"] = "1";
        settings["Logging:LogLevel:FileBridge.Core.Login.PasswordCheckGate"] = "Debug";
        await using var host = InProcessDevHost.Start(settings);
        using var client = host.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ApiSession.LoginAsync(client, LoginTests.NewName(), "wrong password")));

        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        await ProblemAssert.IsProblemAsync(busy[0], HttpStatusCode.ServiceUnavailable, "busy");
        Assert.Equal(1, RetryAfter(busy[0]));
        Assert.All(answers.Except(busy), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(answers.Length - busy.Count, ParallelGuessTests.PasswordChecks(host));
    }

    private static async Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string header, string address, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login") { Content = JsonContent.Create(new { username = name, password = "wrong password" }) };
        request.Headers.Add(header, address);
        return await client.SendAsync(request);
    }

    private static int RetryAfter(HttpResponseMessage response) =>
        int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
}
