using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

public sealed class LoginTests(DevHostFixture fixture) : IClassFixture<DevHostFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Login_ValidCredentials_ReturnsUserAndSecureSessionCookie()
    {
        var name = NewName();
        await fixture.Users.AddAsync(name, Password, displayName: "Ada Lovelace");
        using var client = fixture.Host.CreateClient();

        using var response = await ApiSession.LoginAsync(client, "  " + name.ToUpperInvariant() + " ", Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(name, body.RootElement.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("Ada Lovelace", body.RootElement.GetProperty("user").GetProperty("displayName").GetString());
        Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(7));
        // Since v3 a full sign-in also makes this browser a known one (__Host-fb_device), with the same attributes.
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        Assert.Single(cookies, c => c.StartsWith("__Host-fb_session=", StringComparison.Ordinal));
        Assert.Single(cookies, c => c.StartsWith("__Host-fb_device=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; Path=/", cookie, StringComparison.Ordinal);
            Assert.Contains("; Secure", cookie, StringComparison.Ordinal);
            Assert.Contains("; HttpOnly", cookie, StringComparison.Ordinal);
            Assert.Contains("; SameSite=Strict", cookie, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Login_UnknownUserWrongPasswordOrDisabled_AllAnswerTheSame401()
    {
        var known = NewName();
        var disabled = NewName();
        await fixture.Users.AddAsync(known, Password);
        await fixture.Users.AddAsync(disabled, Password, disabled: true);
        using var client = fixture.Host.CreateClient();

        var bodies = new List<string>();
        foreach (var (user, password) in new[] { (NewName(), Password), (known, "wrong password!"), (disabled, Password) })
        {
            using var response = await ApiSession.LoginAsync(client, user, password);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Equal("invalid_credentials", JsonDocument.Parse(bodies[0]).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Login_FormPost_SignsIn()
    {
        var name = NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();

        using var response = await client.PostAsync("api/auth/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = name,
            ["password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(ApiSession.SessionToken(response));
    }

    [Theory]
    [InlineData("application/json", "{\"username\":")]
    [InlineData("application/json", "[]")]
    [InlineData("application/json", "{\"username\":\"someone\"}")]
    [InlineData("application/json", "{\"password\":\"something\"}")]
    [InlineData("application/json", "{\"username\":42,\"password\":\"something\"}")]
    [InlineData("application/json", "{\"username\":\"a/b\",\"password\":\"something\"}")]
    [InlineData("text/plain", "{\"username\":\"someone\",\"password\":\"something\"}")]
    [InlineData("application/json", "")]
    public async Task Login_MalformedInput_Answers400Problem(string contentType, string body)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.PostAsync("api/auth/login", new StringContent(body, Encoding.UTF8, contentType));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Login_OversizedBody_Answers400Problem()
    {
        using var client = fixture.Host.CreateClient();
        var body = JsonSerializer.Serialize(new { username = "someone", password = new string('x', 100_000) });

        using var response = await client.PostAsync("api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Login_CrossSiteOrigin_Answers403()
    {
        var name = NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
        {
            Content = JsonContent.Create(new { username = name, password = Password }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden_origin");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_SameOrigin_IsAccepted()
    {
        var name = NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
        {
            Content = JsonContent.Create(new { username = name, password = Password }),
        };
        request.Headers.Add("Origin", fixture.Host.BaseAddress.ToString().TrimEnd('/'));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_EachTime_IssuesANewToken()
    {
        var name = NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();

        var first = await ApiSession.SignInAsync(client, name, Password);
        var second = await ApiSession.SignInAsync(client, name, Password);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Login_PasswordTokenAndKeys_NeverAppearInLogsOrResponses()
    {
        var name = NewName();
        const string secret = "Unmistakable-Secret-9137";
        await fixture.Users.AddAsync(name, secret);
        using var client = fixture.Host.CreateClient();

        using var wrong = await ApiSession.LoginAsync(client, name, secret + "x");
        var token = await ApiSession.SignInAsync(client, name, secret);

        Assert.DoesNotContain(secret, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, fixture.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, fixture.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnvironment.AwsSecretAccessKey, fixture.Host.Output, StringComparison.Ordinal);
        Assert.Contains(name, fixture.Host.Output, StringComparison.Ordinal);
    }

    internal static string NewName() => "user-" + Guid.NewGuid().ToString("N")[..12];
}
