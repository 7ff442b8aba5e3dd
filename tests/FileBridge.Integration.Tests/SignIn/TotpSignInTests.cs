using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.SignIn;

/// <summary>
/// The whole authenticator-code path over HTTP, against real Azurite, under <c>Required</c>: a first sign-in with a
/// temporary password changes it and enrols, later sign-ins take a code once, recovery codes once, and changes to
/// factors need a recent authentication.
/// </summary>
public sealed class TotpSignInTests : IAsyncLifetime
{
    private SignInWorld _world = null!;

    public Task InitializeAsync()
    {
        _world = SignInWorld.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task EnrolConfirmAndSignInWithACode_EachCodeOnce()
    {
        var (enrolled, secret, recoveryCodes) = await _world.EnrolTotpAsync("alice");
        Assert.Equal(10, recoveryCodes.Count);
        Assert.NotNull(enrolled[CookieBrowser.Session]);
        Assert.NotNull(enrolled[CookieBrowser.Device]);
        Assert.Null(enrolled[CookieBrowser.Pending]);
        using var account = await enrolled.GetAsync("api/account");
        var summary = await CookieBrowser.JsonAsync(account);
        Assert.Equal("Required", summary.GetProperty("secondFactor").GetString());
        Assert.True(summary.GetProperty("factors").GetProperty("totp").GetBoolean());
        Assert.Equal(10, summary.GetProperty("factors").GetProperty("recoveryCodesLeft").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.GetProperty("passwordExpiresAt").ValueKind);

        var browser = _world.Browser();
        var step = await SignInWorld.ExpectStepAsync(await browser.LoginAsync("alice", SignInWorld.NewPassword), "second-factor");
        Assert.Equal(["totp", "recovery"], step.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        var code = _world.CurrentCode(secret);
        using var signedIn = await browser.PostAsync("api/auth/second-factor", new { method = "totp", code });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("alice", (await CookieBrowser.JsonAsync(signedIn)).GetProperty("user").GetProperty("id").GetString());
        Assert.Null(browser[CookieBrowser.Pending]);
        using var me = await browser.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        var again = _world.Browser();
        await SignInWorld.ExpectStepAsync(await again.LoginAsync("alice", SignInWorld.NewPassword), "second-factor");
        using var sameCode = await again.PostAsync("api/auth/second-factor", new { method = "totp", code });
        await ProblemAssert.IsProblemAsync(sameCode, HttpStatusCode.Unauthorized, "invalid_code");
        var twoStepsAgo = SignInWorld.CodeAt(secret, _world.Clock.GetUtcNow().AddSeconds(-60));
        using var old = await again.PostAsync("api/auth/second-factor", new { method = "totp", code = twoStepsAgo });
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Unauthorized, "invalid_code");
        Assert.Null(again[CookieBrowser.Session]);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnceAndNeverAgain()
    {
        var (_, _, recoveryCodes) = await _world.EnrolTotpAsync("bob");

        var first = _world.Browser();
        var step = await SignInWorld.ExpectStepAsync(await first.LoginAsync("bob", SignInWorld.NewPassword), "second-factor");
        using var used = await first.PostAsync("api/auth/second-factor", new { method = "recovery", code = recoveryCodes[3] });
        var second = _world.Browser();
        await SignInWorld.ExpectStepAsync(await second.LoginAsync("bob", SignInWorld.NewPassword), "second-factor");
        using var reused = await second.PostAsync("api/auth/second-factor", new { method = "recovery", code = recoveryCodes[3] });

        Assert.Contains("recovery", step.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.Unauthorized, "invalid_code");
        using var account = await first.GetAsync("api/account");
        Assert.Equal(9, (await CookieBrowser.JsonAsync(account)).GetProperty("factors").GetProperty("recoveryCodesLeft").GetInt32());
        var rows = await new AuditRows(_world.Settings).WaitForAsync(rows => rows.Any(r => r.GetString("Action") == "recovery-code-used"));
        Assert.Contains(rows, r => r.GetString("Action") == "sign-in" && r.GetString("Outcome") == "202 second-factor" && r.GetString("UserId") == "bob");
        // No code, secret or credential in any row.
        Assert.DoesNotContain(rows, r => ((IDictionary<string, object>)r).Values.OfType<string>().Any(v => recoveryCodes.Any(c => v.Contains(c, StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public async Task FactorChanges_NeedARecentAuthentication_AndReauthenticationGivesANewSession()
    {
        var (browser, secret, _) = await _world.EnrolTotpAsync("carol");
        var oldSession = browser[CookieBrowser.Session]!;
        _world.Clock.Advance(TimeSpan.FromMinutes(6));

        using var stale = await browser.PostAsync("api/account/recovery-codes");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Forbidden, "reauth_required");
        using var removeStale = await browser.DeleteAsync("api/account/totp");
        await ProblemAssert.IsProblemAsync(removeStale, HttpStatusCode.Forbidden, "reauth_required");
        using var wrong = await browser.PostAsync("api/auth/reauth", new { password = "not-the-password-at-all", method = "totp", code = _world.CurrentCode(secret) });
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Forbidden, "invalid_credentials");
        using var reauth = await browser.PostAsync("api/auth/reauth", new { password = SignInWorld.NewPassword, method = "totp", code = _world.CurrentCode(secret) });
        Assert.Equal(HttpStatusCode.NoContent, reauth.StatusCode);
        Assert.NotEqual(oldSession, browser[CookieBrowser.Session]);
        using var fresh = await browser.PostAsync("api/account/recovery-codes");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(10, (await CookieBrowser.JsonAsync(fresh)).GetProperty("recoveryCodes").GetArrayLength());
        using var lastFactor = await browser.DeleteAsync("api/account/totp");
        await ProblemAssert.IsProblemAsync(lastFactor, HttpStatusCode.Conflict, "last_factor");
        using var oldCookie = ApiSession.Request(HttpMethod.Get, "api/auth/me", oldSession);
        using var oldAnswer = await _world.Host.CreateClient().SendAsync(oldCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAnswer.StatusCode);
    }
}
