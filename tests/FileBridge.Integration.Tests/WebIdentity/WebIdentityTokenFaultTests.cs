using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.WebIdentity;

/// <summary>
/// A token AWS refuses (wrong audience, expired) answers 503 upstream_unavailable, and however many people hit it,
/// the STS breaker stays closed: once the token is good again, the next person gets their files at once.
/// </summary>
public sealed class WebIdentityTokenFaultTests
{
    private const string Password = "keyless fault password 1";

    public static TheoryData<string> RefusedTokens => new() { "wrong-audience", "expired" };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task RefusedToken_Answers503_AndDoesNotOpenTheBreakerForOthers(string kind)
    {
        var refused = kind == "expired"
            ? await TestIssuer.MintAsync(lifetime: TimeSpan.FromMinutes(-5))
            : await TestIssuer.MintAsync(audience: "api://someone-else");
        var tokenFile = await TestIssuer.WriteTokenFileAsync(refused);
        var settings = TestEnvironment.WebIdentitySettings(tokenFile);
        // A breaker this eager would open after two counted failures: the refusals must not count.
        settings["Aws:StsBreakerMinimumThroughput"] = "2";
        settings["Aws:StsBreakerFailureRatio"] = "0.1";
        await using var host = InProcessDevHost.Start(settings);
        var users = new TestUsers(settings);
        using var client = host.CreateClient();
        var failing = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            await users.AddAsync($"refused-{i}", Password, prefixes: WebIdentityFilesFixture.EverythingGrant);
            var session = await ApiSession.SignInAsync(client, $"refused-{i}", Password);
            failing.Add(await ListAsync(client, session));
        }

        await TestIssuer.ReplaceTokenAsync(tokenFile, await TestIssuer.MintAsync());
        await users.AddAsync("after-the-fix", Password, prefixes: WebIdentityFilesFixture.EverythingGrant);
        using var after = await ListAsync(client, await ApiSession.SignInAsync(client, "after-the-fix", Password));

        foreach (var response in failing)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
            Assert.NotNull(response.Headers.RetryAfter);
            response.Dispose();
        }

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(refused.Split('.')[2], host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTokenFile_Answers503NotA500()
    {
        var settings = TestEnvironment.WebIdentitySettings(Path.Combine(Path.GetTempPath(), $"filebridge-missing-{Guid.NewGuid():N}.jwt"));
        await using var host = InProcessDevHost.Start(settings);
        await new TestUsers(settings).AddAsync("no-token", Password, prefixes: WebIdentityFilesFixture.EverythingGrant);
        using var client = host.CreateClient();

        using var response = await ListAsync(client, await ApiSession.SignInAsync(client, "no-token", Password));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
    }

    private static async Task<HttpResponseMessage> ListAsync(HttpClient client, string session)
    {
        using var request = ApiSession.Request(HttpMethod.Get, "api/files?prefix=shared/", session);
        return await client.SendAsync(request);
    }
}
