using System.Net;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.SignIn;

/// <summary>
/// Sign-in v3 as an attacker meets it, against real Azurite: someone who has the password but not the second factor
/// guesses codes, in parallel, across many pending steps, between right passwords; reuses pending cookies; or tries
/// to enrol their own factor on a colleague's account.
/// </summary>
public sealed class SignInAttackTests : IAsyncLifetime
{
    private SignInWorld _world = null!;

    public Task InitializeAsync()
    {
        _world = SignInWorld.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task FortySimultaneousWrongCodes_AtMostTheBudgetIsChecked_AndNoneIsAcceptedAfterTheLock()
    {
        var (_, secret, _) = await _world.EnrolTotpAsync("alice");
        // Whoever has the password opens as many steps as they like: each takes at most three codes.
        var steps = new List<CookieBrowser>();
        for (var i = 0; i < 14; i++)
        {
            var attacker = _world.Browser();
            await SignInWorld.ExpectStepAsync(await attacker.LoginAsync("alice", SignInWorld.NewPassword), "second-factor");
            steps.Add(attacker);
        }

        var wrong = WrongCode(_world.CurrentCode(secret));
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            steps[i % steps.Count].PostAsync("api/auth/second-factor", new { method = "totp", code = wrong })));

        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        var checkedCodes = 0;
        foreach (var answer in answers)
        {
            var text = await answer.Content.ReadAsStringAsync();
            checkedCodes += text.Contains("invalid_code", StringComparison.Ordinal) ? 1 : 0;
            Assert.True(answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, text);
        }

        Assert.InRange(checkedCodes, 1, SignInWorld.MaxFailedAttempts);
        Assert.Contains(429, statuses);
        // Steps 12 and 13 took two codes each: one more would be counted, and the right one is refused by the lock.
        using var right = await steps[13].PostAsync("api/auth/second-factor", new { method = "totp", code = _world.CurrentCode(secret) });
        await ProblemAssert.IsProblemAsync(right, HttpStatusCode.TooManyRequests, "too_many_attempts");
        using var password = await _world.Browser().LoginAsync("alice", SignInWorld.NewPassword);
        await ProblemAssert.IsProblemAsync(password, HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task ARightPasswordBetweenWrongCodes_ClearsNothing()
    {
        var (_, secret, _) = await _world.EnrolTotpAsync("bob");
        var wrong = WrongCode(_world.CurrentCode(secret));

        var first = _world.Browser();
        await SignInWorld.ExpectStepAsync(await first.LoginAsync("bob", SignInWorld.NewPassword), "second-factor");
        for (var i = 0; i < 3; i++)
        {
            using var refused = await first.PostAsync("api/auth/second-factor", new { method = "totp", code = wrong });
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "invalid_code");
        }

        var second = _world.Browser();
        await SignInWorld.ExpectStepAsync(await second.LoginAsync("bob", SignInWorld.NewPassword), "second-factor");
        for (var i = 0; i < 2; i++)
        {
            using var refused = await second.PostAsync("api/auth/second-factor", new { method = "totp", code = wrong });
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "invalid_code");
        }

        using var locked = await _world.Browser().LoginAsync("bob", SignInWorld.NewPassword);
        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.TooManyRequests, "too_many_attempts");
        using var right = await second.PostAsync("api/auth/second-factor", new { method = "totp", code = _world.CurrentCode(secret) });
        await ProblemAssert.IsProblemAsync(right, HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task OnePendingStep_TakesAtMostThreeCodes_HoweverManyArriveAtOnce()
    {
        var (_, secret, _) = await _world.EnrolTotpAsync("carol");
        var attacker = _world.Browser();
        await SignInWorld.ExpectStepAsync(await attacker.LoginAsync("carol", SignInWorld.NewPassword), "second-factor");
        var wrong = WrongCode(_world.CurrentCode(secret));
        var pending = attacker[CookieBrowser.Pending]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            attacker.PostAsync("api/auth/second-factor", new { method = "totp", code = wrong })));

        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.InRange(texts.Count(t => t.Contains("invalid_code", StringComparison.Ordinal)), 1, 3);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.True(texts.Count(t => t.Contains("step_expired", StringComparison.Ordinal)) >= 7);
        using var right = CookieBrowser.Request(HttpMethod.Post, "api/auth/second-factor",
            new { method = "totp", code = _world.CurrentCode(secret) }, new Dictionary<string, string> { [CookieBrowser.Pending] = pending });
        using var late = await _world.Host.CreateClient().SendAsync(right);
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Unauthorized, "step_expired");
    }

    [Fact]
    public async Task APendingCookie_OpensNoOtherRoute()
    {
        var (_, _, _) = await _world.EnrolTotpAsync("dave");
        var attacker = _world.Browser();
        await SignInWorld.ExpectStepAsync(await attacker.LoginAsync("dave", SignInWorld.NewPassword), "second-factor");
        var pending = attacker[CookieBrowser.Pending]!;

        foreach (var (method, uri) in new[]
        {
            (HttpMethod.Get, "api/files"), (HttpMethod.Get, "api/files/search?q=a"), (HttpMethod.Get, "api/files/download?key=a.txt"),
            (HttpMethod.Get, "api/auth/me"), (HttpMethod.Get, "api/account"), (HttpMethod.Get, "api/account/passkeys"),
            (HttpMethod.Post, "api/account/recovery-codes"), (HttpMethod.Delete, "api/account/totp"), (HttpMethod.Post, "api/auth/reauth"),
        })
        {
            using var request = CookieBrowser.Request(method, uri, method == HttpMethod.Get || method == HttpMethod.Delete ? null : new { password = "x" },
                new Dictionary<string, string> { [CookieBrowser.Pending] = pending });
            using var answer = await _world.Host.CreateClient().SendAsync(request);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Unauthorized, "unauthenticated");
        }

        // Nor is it a session when sent as one.
        using var asSession = ApiSession.Request(HttpMethod.Get, "api/files", pending);
        using var refused = await _world.Host.CreateClient().SendAsync(asSession);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task OnePersonsPendingCookie_CannotFinishAnothersStep()
    {
        var (_, aliceSecret, _) = await _world.EnrolTotpAsync("erin");
        var (_, bobSecret, bobCodes) = await _world.EnrolTotpAsync("frank");
        var erin = _world.Browser();
        await SignInWorld.ExpectStepAsync(await erin.LoginAsync("erin", SignInWorld.NewPassword), "second-factor");

        using var frankCode = await erin.PostAsync("api/auth/second-factor", new { method = "totp", code = _world.CurrentCode(bobSecret) });
        using var frankRecovery = await erin.PostAsync("api/auth/second-factor", new { method = "recovery", code = bobCodes[0] });

        if (_world.CurrentCode(bobSecret) != _world.CurrentCode(aliceSecret))
        {
            await ProblemAssert.IsProblemAsync(frankCode, HttpStatusCode.Unauthorized, "invalid_code");
        }

        await ProblemAssert.IsProblemAsync(frankRecovery, HttpStatusCode.Unauthorized, "invalid_code");
        Assert.Null(erin[CookieBrowser.Session]);
        // Frank's code is still his own to use.
        var frank = _world.Browser();
        await SignInWorld.ExpectStepAsync(await frank.LoginAsync("frank", SignInWorld.NewPassword), "second-factor");
        using var own = await frank.PostAsync("api/auth/second-factor", new { method = "recovery", code = bobCodes[0] });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task UnderRequired_APasswordAloneCannotEnrolAFactorForAPersonWithout()
    {
        await _world.Users.AddAsync("grace", SignInWorld.Password);
        var attacker = _world.Browser();

        using var answer = await attacker.LoginAsync("grace", SignInWorld.Password);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Forbidden, "enrollment_needs_operator");
        Assert.Empty(attacker.Cookies);
        foreach (var uri in new[] { "api/account/totp", "api/account/passkeys/options" })
        {
            using var enrol = await attacker.PostAsync(uri);
            await ProblemAssert.IsProblemAsync(enrol, HttpStatusCode.Unauthorized, "unauthenticated");
        }
    }

    [Fact]
    public async Task AStepRouteWithoutALiveStep_IsStepExpired()
    {
        using var none = await _world.Browser().PostAsync("api/auth/second-factor", new { method = "totp", code = "123456" });
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized, "step_expired");
        using var request = CookieBrowser.Request(HttpMethod.Post, "api/auth/second-factor", new { method = "totp", code = "123456" },
            new Dictionary<string, string> { [CookieBrowser.Pending] = "made-up-value" });
        using var madeUp = await _world.Host.CreateClient().SendAsync(request);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.Unauthorized, "step_expired");
    }

    private static string WrongCode(string right) => right == "000000" ? "000001" : "000000";
}
