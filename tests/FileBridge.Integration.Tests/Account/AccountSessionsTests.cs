using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FileBridge.Core.Sessions;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Account;

/// <summary>
/// <c>GET /api/account/sessions</c>, <c>DELETE /api/account/sessions/{id}</c>, <c>POST /api/account/sessions/end-others</c>
/// and <c>Sessions:MaxPerUser</c> against the real table service.
/// </summary>
public sealed class AccountSessionsTests(AccountSessionsFixture fixture) : IClassFixture<AccountSessionsFixture>
{
    private const string Password = "sessions of my own 1";
    private const string ChromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public async Task List_ShowsEachSessionOnceWithTheCurrentOneMarked_AndNoTokenOrHash()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var chrome = await SignInAsync(client, name, ChromeOnLinux);
        var firefox = await SignInAsync(client, name, FirefoxOnWindows);

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/account/sessions", firefox));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        var items = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Equal(
            ["id", "createdAt", "lastSeenAt", "client", "address", "current"], item.EnumerateObject().Select(p => p.Name)));
        var current = Assert.Single(items, item => item.GetProperty("current").GetBoolean());
        Assert.Equal("Firefox on Windows", current.GetProperty("client").GetString());
        Assert.Equal("Chrome on Linux", Assert.Single(items, item => !item.GetProperty("current").GetBoolean()).GetProperty("client").GetString());
        Assert.All(items, item => Assert.True(SessionIds.LooksValid(item.GetProperty("id").GetString())));
        Assert.All(items, item => Assert.False(string.IsNullOrEmpty(item.GetProperty("address").GetString())));
        foreach (var token in new[] { chrome, firefox })
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken.HashOf(token), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task List_WithoutASession_Is401()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/account/sessions");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Delete_AnotherPersonsSession_Is404AndLeavesItAlive()
    {
        var alice = await NewUserAsync();
        var bob = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var aliceToken = await SignInAsync(client, alice, ChromeOnLinux);
        var bobToken = await SignInAsync(client, bob, ChromeOnLinux);
        var bobsId = (await ListAsync(client, bobToken)).Single().Id;

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Delete, $"api/account/sessions/{bobsId}", aliceToken));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, bobToken));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-session")]
    [InlineData("%27%20or%20%271%27%3D%271")]
    public async Task Delete_UnknownOrMalformedId_Is404(string id)
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var token = await SignInAsync(client, name, ChromeOnLinux);

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Delete, $"api/account/sessions/{id}", token));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, token));
    }

    [Fact]
    public async Task Delete_AnotherOwnSession_EndsItAndAuditsIt()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var other = await SignInAsync(client, name, FirefoxOnWindows);
        var current = await SignInAsync(client, name, ChromeOnLinux);
        var otherId = (await ListAsync(client, current)).Single(s => !s.Current).Id;

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Delete, $"api/account/sessions/{otherId}", current));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, other));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, current));
        var rows = await new AuditRows(fixture.Settings).WaitForAsync(rows => rows.Any(r => IsSessionEndedOf(r, name)));
        var row = Assert.Single(rows, r => IsSessionEndedOf(r, name));
        Assert.Equal("204", row.GetString("Outcome"));
    }

    [Fact]
    public async Task Delete_TheCurrentSession_SignsOutAndClearsTheCookie()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var current = await SignInAsync(client, name, ChromeOnLinux);
        var id = (await ListAsync(client, current)).Single().Id;

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Delete, $"api/account/sessions/{id}", current));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ApiSession.CookieName + "=;", StringComparison.Ordinal) && c.Contains("Max-Age=0", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, current));
    }

    [Fact]
    public async Task Delete_FromAnotherSite_IsRefused()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var current = await SignInAsync(client, name, ChromeOnLinux);
        var id = (await ListAsync(client, current)).Single().Id;
        using var request = ApiSession.Request(HttpMethod.Delete, $"api/account/sessions/{id}", current);
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_origin");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, current));
    }

    [Fact]
    public async Task EndOthers_LeavesOnlyTheCaller()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var first = await SignInAsync(client, name, FirefoxOnWindows);
        var second = await SignInAsync(client, name, FirefoxOnWindows);
        var current = await SignInAsync(client, name, ChromeOnLinux);

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Post, "api/account/sessions/end-others", current));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True((await ListAsync(client, current)).Single().Current);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, first));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, second));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, current));
    }

    [Fact]
    public async Task SignIn_FromABrowserCarryingASession_EndsThatSession()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var before = await SignInAsync(client, name, ChromeOnLinux);
        using var again = ApiSession.Request(HttpMethod.Post, "api/auth/login", before);
        again.Content = JsonContent.Create(new { username = name, password = Password });

        using var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = ApiSession.SessionToken(response)!;
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, before));
        Assert.True((await ListAsync(client, after)).Single().Current);
    }

    [Fact]
    public async Task SignIns_ArrivingAtOnce_LeaveAtMostMaxPerUserLiveSessions()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SignInAsync(client, name, ChromeOnLinux)));

        var live = new List<string>();
        foreach (var token in tokens)
        {
            if (await MeAsync(client, token) == HttpStatusCode.OK)
            {
                live.Add(token);
            }
        }

        Assert.Equal(AccountSessionsFixture.MaxPerUser, live.Count);
        Assert.Equal(AccountSessionsFixture.MaxPerUser, (await ListAsync(client, live[0])).Count);
    }

    [Fact]
    public async Task SignIn_BeyondMaxPerUser_EndsTheLeastRecentlySeen()
    {
        var name = await NewUserAsync();
        using var client = fixture.Host.CreateClient();
        var tokens = new List<string>();
        for (var i = 0; i < AccountSessionsFixture.MaxPerUser; i++)
        {
            tokens.Add(await SignInAsync(client, name, ChromeOnLinux));
        }

        var newest = await SignInAsync(client, name, FirefoxOnWindows);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, tokens[0]));
        foreach (var token in tokens.Skip(1).Append(newest))
        {
            Assert.Equal(HttpStatusCode.OK, await MeAsync(client, token));
        }
    }

    private static bool IsSessionEndedOf(Azure.Data.Tables.TableEntity row, string name) =>
        row.GetString("Action") == "session-ended" && row.GetString("UserId") == name;

    private async Task<string> NewUserAsync()
    {
        var name = "own" + Guid.NewGuid().ToString("N")[..10];
        await fixture.Users.AddAsync(name, Password);
        return name;
    }

    private static async Task<string> SignInAsync(HttpClient client, string name, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login") { Content = JsonContent.Create(new { username = name, password = Password }) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ApiSession.SessionToken(response)!;
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
        return response.StatusCode;
    }

    private static async Task<List<SessionItem>> ListAsync(HttpClient client, string token)
    {
        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/account/sessions", token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<SessionItem>>())!;
    }

    private sealed record SessionItem(string Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? Client, string? Address, bool Current);
}
