using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FileBridge.Integration.Tests.Auth;

public sealed class SessionTests(DevHostFixture fixture) : IClassFixture<DevHostFixture>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Me_WithSession_ReturnsTheSameShapeAsLogin()
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, Password, displayName: "Grace Hopper");
        using var client = fixture.Host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(name, body.RootElement.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("Grace Hopper", body.RootElement.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("expiresAt").ValueKind);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Me_WithoutValidSession_Answers401(string? token)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Login_StoresOnlyTheTokenHash()
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();

        var token = await ApiSession.SignInAsync(client, name, Password);

        var sessions = new TableServiceClient(TestEnvironment.AzuriteConnectionString).GetTableClient(fixture.Settings["Sessions:TableName"]);
        var row = (await sessions.GetEntityAsync<TableEntity>(SessionToken.HashOf(token), SessionToken.HashOf(token))).Value;
        Assert.Equal(name, row.GetString("UserId"));
        Assert.DoesNotContain(((IDictionary<string, object>)row).Values, value => value?.ToString()?.Contains(token, StringComparison.Ordinal) == true);
        Assert.Equal(row.GetDateTimeOffset("CreatedAt")!.Value.AddHours(8), row.GetDateTimeOffset("ExpiresAt"));
    }

    [Fact]
    public async Task Logout_RevokesTheSessionAndClearsTheCookie()
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);

        using var logout = await client.SendAsync(ApiSession.Request(HttpMethod.Post, "api/auth/logout", token));
        using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
        using var again = await client.SendAsync(ApiSession.Request(HttpMethod.Post, "api/auth/logout", token));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-fb_session=;", StringComparison.Ordinal) && c.Contains("Max-Age=0", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task Logout_CrossSiteOrigin_Answers403AndKeepsTheSession()
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);
        using var request = ApiSession.Request(HttpMethod.Post, "api/auth/logout", token);
        request.Headers.Add("Origin", "https://evil.example");

        using var logout = await client.SendAsync(request);
        using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        Assert.Equal(HttpStatusCode.Forbidden, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Me_AfterUserIsDisabled_Answers401()
    {
        var name = LoginTests.NewName();
        await fixture.Users.AddAsync(name, Password);
        using var client = fixture.Host.CreateClient();
        var token = await ApiSession.SignInAsync(client, name, Password);

        await fixture.Users.Store.UpdateAsync(name, new FileBridge.Core.Users.UserChange(Disabled: true), CancellationToken.None);
        using var me = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/auth/me", token));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Login_WithWeakerStoredHash_UpgradesItToTheConfiguredStrength()
    {
        var name = LoginTests.NewName();
        var weak = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 })).HashPassword(new object(), Password);
        await fixture.Users.Store.AddAsync(new FileBridge.Core.Users.NewUser(name, name, weak, null), CancellationToken.None);
        using var client = fixture.Host.CreateClient();

        await ApiSession.SignInAsync(client, name, Password);

        var stored = (await fixture.Users.Store.FindAsync(name, CancellationToken.None))!.PasswordHash;
        Assert.Equal(10_000, PasswordHashing.ReadIterationCount(weak));
        Assert.Equal(LoginOptions.MinimumPasswordHashIterations, PasswordHashing.ReadIterationCount(stored));
        await ApiSession.SignInAsync(client, name, Password);
    }

    [Fact]
    public async Task Login_ExistingTableWithExtraColumns_KeepsWorkingAndKeepsThem()
    {
        var name = LoginTests.NewName();
        await fixture.Users.Table.CreateIfNotExistsAsync();
        await fixture.Users.Table.AddEntityAsync(new TableEntity(name, name)
        {
            ["PasswordHash"] = TestUsers.Hash(Password),
            ["DisplayName"] = "Legacy Row",
            ["Department"] = "Finance",
            ["EmployeeNumber"] = 4711,
            ["Disabled"] = "false",
        });
        using var client = fixture.Host.CreateClient();
        using var failed = await ApiSession.LoginAsync(client, name, "wrong password");

        await ApiSession.SignInAsync(client, name, Password);

        var row = (await fixture.Users.Table.GetEntityAsync<TableEntity>(name, name)).Value;
        Assert.Equal("Finance", row.GetString("Department"));
        Assert.Equal(4711, row.GetInt32("EmployeeNumber"));
    }
}
