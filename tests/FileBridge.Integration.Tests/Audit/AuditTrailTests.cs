using System.Net;
using Azure.Data.Tables;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Audit;

/// <summary>
/// The audit trail through the real DevHost, Azurite and the local S3/STS endpoint: one row per event with the right
/// columns, no secret anywhere in the table, and no download link without its row.
/// </summary>
public sealed class AuditTrailTests
{
    private const string Password = "audit trail password 1";
    // Typed into the name field by mistake: no row may hold it.
    private const string PasswordAsName = "oops-my-Password-Typed-Here-7431";

    [Fact]
    public async Task FullRun_LeavesOneRowPerEventWithItsColumns_AndNoSecretAnywhere()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Throttle:LoginPerClientPerMinute"] = "10";
        settings["Login:MaxFailedAttempts"] = "3";
        // The client's 10 sign-ins a minute must not refill while the test runs, however slow the machine.
        await using var host = InProcessDevHost.Start(settings, new TestClock());
        var users = new TestUsers(settings);
        await users.AddAsync("audit-alice", Password, prefixes: "home/alice/");
        await users.AddAsync("audit-bob", Password);
        using var client = host.CreateClient();

        // Sign-ins 1-2: a refusal, then a success.
        (await ApiSession.LoginAsync(client, "audit-alice", "wrong password")).Dispose();
        using var signIn = await ApiSession.LoginAsync(client, "audit-alice", Password);
        var token = ApiSession.SessionToken(signIn)!;
        using var listing = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files?prefix=home/alice/", token));
        using var download = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files/download?key=home/alice/todo.txt", token));
        using var forbidden = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files/download?key=README.txt", token));
        using var logout = await client.SendAsync(ApiSession.Request(HttpMethod.Post, "api/auth/logout", token));
        // Sign-ins 3-6: bob's third failure locks him; the fourth is refused without a check.
        for (var i = 0; i < 4; i++)
        {
            (await ApiSession.LoginAsync(client, "audit-bob", "wrong password " + i)).Dispose();
        }

        // Sign-in 7: a name that is no account. Then the client's 10 a minute run out.
        (await ApiSession.LoginAsync(client, PasswordAsName, "x")).Dispose();
        // Each with another name, so no name's lockout answers first.
        var limited = false;
        for (var attempt = 0; !limited && attempt < 20; attempt++)
        {
            using var response = await ApiSession.LoginAsync(client, "audit-nobody-" + attempt, "x");
            limited = (await response.Content.ReadAsStringAsync()).Contains("\"rate_limited\"", StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.True(limited);
        var audit = new AuditRows(settings);
        var rows = await audit.WaitForAsync(r => r.Any(e => Action(e) == "throttled") && r.Any(e => Action(e) == "sign-out"));

        var alice = rows.Where(r => r.GetString("UserId") == "audit-alice").ToList();
        var signedIn = Assert.Single(alice, r => Action(r) == "sign-in");
        Assert.Equal("200", signedIn.GetString("Outcome"));
        Assert.Equal("127.0.0.1", signedIn.GetString("ClientAddress"));
        Assert.False(string.IsNullOrEmpty(signedIn.GetString("RequestId")));
        Assert.Null(signedIn.GetString("RoleSessionName"));
        Assert.Equal("401 invalid_credentials", Assert.Single(alice, r => Action(r) == "sign-in-refused").GetString("Outcome"));
        var listed = Assert.Single(alice, r => Action(r) == "list");
        Assert.Equal(("home/alice/", "200"), (listed.GetString("Target"), listed.GetString("Outcome")));
        Assert.StartsWith("fb-audit-alice", listed.GetString("RoleSessionName"), StringComparison.Ordinal);
        var downloads = alice.Where(r => Action(r) == "download").ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Single(downloads, r => r.GetString("Target") == "home/alice/todo.txt" && r.GetString("Outcome") == "302");
        Assert.Single(downloads, r => r.GetString("Target") == "README.txt" && r.GetString("Outcome") == "403 forbidden_prefix");
        Assert.Equal("204", Assert.Single(alice, r => Action(r) == "sign-out").GetString("Outcome"));
        var bob = rows.Where(r => r.GetString("UserId") == "audit-bob").ToList();
        Assert.Equal(2, bob.Count(r => Action(r) == "sign-in-refused" && r.GetString("Outcome") == "401 invalid_credentials"));
        Assert.Equal("401 invalid_credentials", Assert.Single(bob, r => Action(r) == "locked-out").GetString("Outcome"));
        Assert.Single(bob, r => Action(r) == "sign-in-refused" && r.GetString("Outcome") == "429 too_many_attempts");
        var throttled = Assert.Single(rows, r => Action(r) == "throttled");
        Assert.Equal(("signins-per-client", "429 rate_limited"), (throttled.GetString("Target"), throttled.GetString("Outcome")));
        // Names that are no account (one of them a password typed as a name) are refused without a user id.
        Assert.All(rows.Where(r => Action(r) == "sign-in-refused" && r.GetString("UserId") is null), r => Assert.Equal("401 invalid_credentials", r.GetString("Outcome")));
        Assert.All(rows, r => Assert.StartsWith(r.GetDateTimeOffset("Time")!.Value.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-", r.PartitionKey, StringComparison.Ordinal));

        var everything = string.Join('\n', rows.SelectMany(r => r.Select(column => $"{column.Key}={column.Value}")));
        var link = download.Headers.Location!.ToString();
        foreach (var secret in new[]
        {
            Password, "wrong password", PasswordAsName, PasswordAsName.ToLowerInvariant(), token, link,
            System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["X-Amz-Signature"]!,
            TestEnvironment.AwsSecretAccessKey, "X-Amz-", "Signature",
        })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AuditTableUnreachable_DownloadLinkRefused503_ListingAndSignInGoOn()
    {
        var settings = TestEnvironment.BaseSettings();
        await using var host = InProcessDevHost.Start(settings);
        await new TestUsers(settings).AddAsync("audit-carol", Password, prefixes: "home/alice/");
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, "audit-carol", Password);
        using var before = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files/download?key=home/alice/todo.txt", token));
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        var audit = new AuditRows(settings);

        // The table vanishes under the running app (a deleted table, a revoked role): its writes now fail.
        await audit.Table.DeleteAsync();
        using var refused = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files/download?key=home/alice/todo.txt", token));
        using var listing = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files?prefix=home/alice/", token));
        using var signIn = await ApiSession.LoginAsync(client, "audit-carol", Password);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.NotNull(refused.Headers.RetryAfter);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"upstream_unavailable\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    private static string? Action(TableEntity row) => row.GetString("Action");
}
