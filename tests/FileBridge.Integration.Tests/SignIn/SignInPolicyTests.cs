using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.SignIn;

/// <summary>
/// <c>Login:SecondFactor</c> over HTTP against real Azurite: sessions remember how they were authenticated, and a
/// session without a second factor is no session under <c>Required</c>; the passkey routes refuse what is not a
/// verified ceremony (real ceremonies run in Chromium, in the browser tests).
/// </summary>
public sealed class SignInPolicyTests
{
    [Fact]
    public async Task APasswordOnlySession_IsRefusedOnceThePolicyIsRequired_ButAServiceAccountsIsNot()
    {
        await using var optional = SignInWorld.Start("Optional");
        await optional.Users.AddAsync("henry", SignInWorld.Password);
        await optional.Users.AddAsync("robot", SignInWorld.Password);
        await optional.Users.Table.UpdateEntityAsync(new TableEntity("robot", "robot") { ["NoSecondFactor"] = true }, Azure.ETag.All, TableUpdateMode.Merge);
        var henry = optional.Browser();
        using var signedIn = await henry.LoginAsync("henry", SignInWorld.Password);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotNull(henry[CookieBrowser.Device]);
        using var me = await henry.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        await using var required = InProcessDevHost.Start(new Dictionary<string, string?>(optional.Settings) { ["Login:SecondFactor"] = "Required" });
        using var request = ApiSession.Request(HttpMethod.Get, "api/auth/me", henry[CookieBrowser.Session]);
        using var refused = await required.CreateClient().SendAsync(request);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "unauthenticated");

        var robot = new CookieBrowser(required.CreateClient());
        using var service = await robot.LoginAsync("robot", SignInWorld.Password);
        Assert.Equal(HttpStatusCode.OK, service.StatusCode);
        using var robotMe = await robot.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.OK, robotMe.StatusCode);
    }

    [Fact]
    public async Task ABrowserWithThePersonsDeviceCookie_MayEnrolUnderRequired()
    {
        await using var optional = SignInWorld.Start("Optional");
        await optional.Users.AddAsync("iris", SignInWorld.Password);
        var browser = optional.Browser();
        using var signedIn = await browser.LoginAsync("iris", SignInWorld.Password);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        await using var required = InProcessDevHost.Start(new Dictionary<string, string?>(optional.Settings) { ["Login:SecondFactor"] = "Required" });
        var known = new CookieBrowser(required.CreateClient());
        known.Cookies[CookieBrowser.Device] = browser[CookieBrowser.Device]!;
        var step = await SignInWorld.ExpectStepAsync(await known.LoginAsync("iris", SignInWorld.Password), "enroll");
        using var stranger = await new CookieBrowser(required.CreateClient()).LoginAsync("iris", SignInWorld.Password);

        Assert.Equal(["passkey", "totp"], step.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.Forbidden, "enrollment_needs_operator");
        using var secret = await known.PostAsync("api/account/totp");
        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        Assert.StartsWith("otpauth://totp/", (await CookieBrowser.JsonAsync(secret)).GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasskeyRoutes_RefuseWhatIsNoVerifiedCeremony()
    {
        await using var world = SignInWorld.Start("Optional");
        await world.Users.AddAsync("jane", SignInWorld.Password);
        var browser = world.Browser();

        using var options = await browser.PostAsync("api/auth/passkey/options");
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var request = await CookieBrowser.JsonAsync(options);
        Assert.Equal("localhost", request.GetProperty("rpId").GetString());
        Assert.False(string.IsNullOrEmpty(request.GetProperty("challenge").GetString()));
        Assert.NotNull(browser["__Host-fb_challenge"]);
        var forged = new { credential = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { clientDataJSON = "AAAA", authenticatorData = "AAAA", signature = "AAAA", userHandle = "AAAA" } } };
        using var refused = await browser.PostAsync("api/auth/passkey", forged);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "invalid_credentials");
        using var noChallenge = await world.Browser().PostAsync("api/auth/passkey", forged);
        await ProblemAssert.IsProblemAsync(noChallenge, HttpStatusCode.Unauthorized, "invalid_credentials");
        using var notAnObject = await browser.PostAsync("api/auth/passkey", new { credential = "text" });
        await ProblemAssert.IsProblemAsync(notAnObject, HttpStatusCode.BadRequest, "bad_request");
        using var reauthWithoutSession = await world.Browser().PostAsync("api/auth/passkey/options", new { reauth = true });
        await ProblemAssert.IsProblemAsync(reauthWithoutSession, HttpStatusCode.Unauthorized, "unauthenticated");
        using var registerWithoutSession = await world.Browser().PostAsync("api/account/passkeys/options");
        await ProblemAssert.IsProblemAsync(registerWithoutSession, HttpStatusCode.Unauthorized, "unauthenticated");

        using var signedIn = await browser.LoginAsync("jane", SignInWorld.Password);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        using var creation = await browser.PostAsync("api/account/passkeys/options");
        Assert.Equal(HttpStatusCode.OK, creation.StatusCode);
        var created = await CookieBrowser.JsonAsync(creation);
        Assert.Equal("localhost", created.GetProperty("rp").GetProperty("id").GetString());
        Assert.NotEqual("jane", created.GetProperty("user").GetProperty("id").GetString());
        using var bogus = await browser.PostAsync("api/account/passkeys", new { credential = forged.credential, name = "Laptop" });
        await ProblemAssert.IsProblemAsync(bogus, HttpStatusCode.BadRequest, "bad_request");
        using var list = await browser.GetAsync("api/account/passkeys");
        Assert.Equal(JsonValueKind.Array, (await CookieBrowser.JsonAsync(list)).ValueKind);
        using var unknown = await browser.DeleteAsync("api/account/passkeys/AAAA");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        world.Clock.Advance(TimeSpan.FromMinutes(6));
        using var stale = await browser.PostAsync("api/account/passkeys/options");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Forbidden, "reauth_required");
    }

    [Fact]
    public async Task PasswordChange_InASession_EndsEveryOtherSession_AndRefusesWeakOrWrong()
    {
        await using var world = SignInWorld.Start("Optional");
        await world.Users.AddAsync("kate", SignInWorld.Password, displayName: "Kate Morrison");
        var mine = world.Browser();
        var other = world.Browser();
        Assert.Equal(HttpStatusCode.OK, (await mine.LoginAsync("kate", SignInWorld.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.LoginAsync("kate", SignInWorld.Password)).StatusCode);

        using var weak = await mine.PostAsync("api/account/password", new { currentPassword = SignInWorld.Password, newPassword = "morrison-garden-99" });
        using var wrong = await mine.PostAsync("api/account/password", new { currentPassword = "not-her-password-1", newPassword = SignInWorld.NewPassword });
        using var changed = await mine.PostAsync("api/account/password", new { currentPassword = SignInWorld.Password, newPassword = SignInWorld.NewPassword });

        await ProblemAssert.IsProblemAsync(weak, HttpStatusCode.BadRequest, "weak_password");
        Assert.Equal("contains_name", (await CookieBrowser.JsonAsync(weak)).GetProperty("reason").GetString());
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Forbidden, "invalid_credentials");
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        using var mineAfter = await mine.GetAsync("api/auth/me");
        using var otherAfter = await other.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.OK, mineAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Browser().LoginAsync("kate", SignInWorld.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task ParallelPasswordChanges_LeaveExactlyOneNewPassword_AndEveryOtherSessionEnded()
    {
        await using var world = SignInWorld.Start("Optional");
        await world.Users.AddAsync("liam", SignInWorld.Password);
        var browsers = new List<CookieBrowser>();
        for (var i = 0; i < 4; i++)
        {
            var browser = world.Browser();
            Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync("liam", SignInWorld.Password)).StatusCode);
            browsers.Add(browser);
        }

        var proposals = new[] { "amber-falcon-harbor-31", "silver-otter-canyon-52", "violet-maple-summit-73" };
        var answers = await Task.WhenAll(proposals.Select((proposal, i) =>
            browsers[i].PostAsync("api/account/password", new { currentPassword = SignInWorld.Password, newPassword = proposal })));

        var winner = Assert.Single(Enumerable.Range(0, proposals.Length), i => answers[i].StatusCode == HttpStatusCode.NoContent);
        Assert.All(answers.Where((_, i) => i != winner), a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        var signIns = await Task.WhenAll(proposals.Select(p => world.Browser().LoginAsync("liam", p)));
        Assert.Equal([winner], Enumerable.Range(0, proposals.Length).Where(i => signIns[i].StatusCode == HttpStatusCode.OK));
        var stillIn = await Task.WhenAll(browsers.Select(b => b.GetAsync("api/auth/me")));
        Assert.Equal([winner], Enumerable.Range(0, browsers.Count).Where(i => stillIn[i].StatusCode == HttpStatusCode.OK));
    }
}
