using System.Security.Cryptography;
using static FileBridge.Browser.Tests.ContractApi;

namespace FileBridge.Browser.Tests;

/// <summary>
/// The account page and the page's passkey ceremonies in Chromium with its virtual authenticator. The v3 account routes
/// answer as README.md's "HTTP API" table says through <see cref="ContractApi"/>; the sign-in and the session are real.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPageTests(BrowserHost host)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static object Account(bool totp, int passkeys, int recoveryCodesLeft, string policy = "Optional") => new
    {
        user = new { id = "x", displayName = "x" },
        secondFactor = policy,
        factors = new { totp, passkeys, recoveryCodesLeft },
        passwordExpiresAt = (string?)null,
    };

    private static object[] Sessions() =>
    [
        new { id = "s-this", createdAt = "2026-12-03T08:00:00Z", lastSeenAt = "2026-12-03T12:00:00Z", client = "Chrome on Linux", address = "127.0.0.1", current = true },
        new { id = "s-phone", createdAt = "2026-12-01T09:30:00Z", lastSeenAt = "2026-12-02T18:45:00Z", client = "Safari on iOS", address = "203.0.113.7", current = false },
    ];

    private static object Passkey(string id, string name, string? lastUsedAt) =>
        new { id, name, createdAt = "2026-11-20T10:00:00Z", lastUsedAt };

    private async Task<(TestUser User, ContractApi Api)> SignedInOnAccountPageAsync(AppPage app, string displayName, Action<ContractApi, TestUser> routes)
    {
        var user = await host.CreateUserAsync(displayName);
        var api = await AttachAsync(app);
        routes(api, user);
        await app.OpenAsync();
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("All files");
        await app.Link("Account").ClickAsync();
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeFocusedAsync();
        await Expect(app.Page).ToHaveURLAsync(new Uri(new Uri(app.Page.Url), "/account").ToString());
        return (user, api);
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task AccountPage_NewRecoveryCodesAfterReauthWithACode_ThenEndsAnotherSession(string device) => host.RunAsync(async app =>
    {
        var codes = Enumerable.Range(0, 10).Select(i => $"QRST-UVWX-YZ23-4567-ABCD-EFG{i}").ToArray();
        var (user, api) = await SignedInOnAccountPageAsync(app, "Alma Account", (api, _) => api
            .On("GET", "/api/account", Ok(Account(totp: true, passkeys: 2, recoveryCodesLeft: 7)), Ok(Account(totp: true, passkeys: 2, recoveryCodesLeft: 10)))
            .On("GET", "/api/account/passkeys", Ok(new[] { Passkey("cred-1", "Work laptop", "2026-12-02T08:15:00Z"), Passkey("cred-2", "Security key", null) }))
            .On("GET", "/api/account/sessions", Ok(Sessions()), Ok(Sessions()), Ok(Sessions().Take(1)))
            .On("POST", "/api/account/recovery-codes", Problem(403, "reauth_required"), Ok(new { recoveryCodes = codes }))
            .On("POST", "/api/auth/reauth", Problem(403, "invalid_credentials"), Status(204))
            .On("DELETE", "/api/account/sessions/s-phone", Status(204)));

        await Expect(app.Page.GetByText("Work laptop", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(app.Page.GetByText("Never used")).ToBeVisibleAsync();
        await Expect(app.Page.GetByText("7 codes left.")).ToBeVisibleAsync();
        await Expect(app.Page.Locator(".badge")).ToHaveTextAsync("This browser");
        await Screenshots.SaveStateAsync(app.Page, $"account-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);
        if (device == "phone")
        {
            Assert.True(await app.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        }

        await app.Button("Make a new set").ClickAsync();
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it’s you" })).ToBeFocusedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);
        await app.Page.Locator(".reauth").GetByLabel("Password", new() { Exact = true }).FillAsync("not it");
        await app.Page.Locator(".reauth").GetByLabel("Code from your authenticator app").FillAsync("654321");
        await app.Button("Confirm").ClickAsync();
        await Expect(app.Page.Locator(".reauth .alert")).ToHaveTextAsync("That is not right. Check your password and code, and try again.");
        await Expect(app.Page.Locator(".reauth").GetByLabel("Password", new() { Exact = true })).ToBeFocusedAsync();
        await app.Page.Locator(".reauth").GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await app.Page.GetByLabel("Code from your authenticator app").FillAsync("123 456");
        await app.Button("Confirm").ClickAsync();

        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" })).ToBeFocusedAsync();
        Assert.Equal(codes, await app.Page.Locator(".codes code").AllTextContentsAsync());
        await Expect(app.Page.GetByText("10 codes left.")).ToBeVisibleAsync();
        var reauth = api.BodiesOf("POST", "/api/auth/reauth");
        Assert.Equal(user.Password, (string?)reauth[1]!["password"]);
        Assert.Equal("totp", (string?)reauth[1]!["method"]);
        Assert.Equal("123456", (string?)reauth[1]!["code"]);
        Assert.Equal(2, api.BodiesOf("POST", "/api/account/recovery-codes").Count);

        await app.Button("End session: Safari on iOS from 203.0.113.7").ClickAsync();
        await Expect(app.Page.GetByText("Safari on iOS")).ToBeHiddenAsync();
        await Expect(app.Page.GetByText("No other sessions.")).ToBeVisibleAsync();
        Assert.Single(api.Calls, c => c.Method == "DELETE" && c.Path == "/api/account/sessions/s-phone");
    }, viewport: device == "phone" ? Phone : null, testName: $"{nameof(AccountPage_NewRecoveryCodesAfterReauthWithACode_ThenEndsAnotherSession)}_{device}");

    [Fact]
    public Task AccountPage_PasswordChange_ExplainsAWeakOneThenConfirms() => host.RunAsync(async app =>
    {
        var (user, api) = await SignedInOnAccountPageAsync(app, "Pia Password", (api, _) => api
            .On("GET", "/api/account", Ok(Account(totp: false, passkeys: 0, recoveryCodesLeft: 0, policy: "Off")))
            .On("GET", "/api/account/sessions", Ok(Sessions().Take(1)))
            .On("POST", "/api/account/password", Problem(400, "weak_password", "too_short"), Problem(403, "invalid_credentials"), Status(204)));
        // Off hides every sign-in method.
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in methods" })).ToHaveCountAsync(0);
        var current = app.Page.GetByLabel("Current password");
        var fresh = app.Page.GetByLabel("New password", new() { Exact = true });
        var again = app.Page.GetByLabel("New password again");

        await current.FillAsync(user.Password);
        await fresh.FillAsync("short");
        await again.FillAsync("short");
        await again.PressAsync("Enter");
        await Expect(app.Page.Locator(".password-form .alert")).ToContainTextAsync("That password is too short.");
        await Expect(fresh).ToBeFocusedAsync();
        await fresh.FillAsync("a long walk by the river");
        await again.FillAsync("a long walk by the river");
        await again.PressAsync("Enter");
        await Expect(app.Page.Locator(".password-form .alert")).ToHaveTextAsync("Your current password is not right.");
        await Expect(current).ToBeFocusedAsync();
        await again.PressAsync("Enter");

        await Expect(app.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your password is changed" })).ToBeVisibleAsync();
        await Expect(fresh).ToHaveValueAsync(string.Empty);
        Assert.Equal(3, api.BodiesOf("POST", "/api/account/password").Count);
    });

    [Fact]
    public Task Passkey_AddedOnTheAccountPageAfterReauth_ThenSignsInWithoutAName() => host.RunAsync(async app =>
    {
        var userHandle = RandomNumberGenerator.GetBytes(16);
        var createChallenge = RandomNumberGenerator.GetBytes(32);
        var getChallenge = RandomNumberGenerator.GetBytes(32);
        var (user, api) = await SignedInOnAccountPageAsync(app, "Kit Passkey", (api, user) => api
            .On("GET", "/api/account", Ok(Account(totp: false, passkeys: 0, recoveryCodesLeft: 0)), Ok(Account(totp: false, passkeys: 1, recoveryCodesLeft: 10)))
            .On("GET", "/api/account/passkeys", Ok(Array.Empty<object>()), Ok(new[] { Passkey("cred", "Work laptop", null) }))
            .On("GET", "/api/account/sessions", Ok(Sessions()))
            .On("POST", "/api/account/passkeys/options", Problem(403, "reauth_required"), Ok(new
            {
                rp = new { id = "localhost", name = "FileBridge" },
                user = new { id = VirtualAuthenticator.Base64Url(userHandle), name = user.Name, displayName = user.DisplayName },
                challenge = VirtualAuthenticator.Base64Url(createChallenge),
                pubKeyCredParams = new[] { new { type = "public-key", alg = -7 }, new { type = "public-key", alg = -257 } },
                timeout = 60000,
                excludeCredentials = Array.Empty<object>(),
                authenticatorSelection = new { residentKey = "required", requireResidentKey = true, userVerification = "required" },
                attestation = "none",
            }))
            .On("POST", "/api/auth/reauth", Status(204))
            .On("POST", "/api/account/passkeys", Status(201, Passkey("cred", "Work laptop", null)))
            .On("POST", "/api/auth/passkey/options", Ok(new
            {
                challenge = VirtualAuthenticator.Base64Url(getChallenge),
                rpId = "localhost",
                allowCredentials = Array.Empty<object>(),
                userVerification = "required",
                timeout = 60000,
            }))
            .On("POST", "/api/auth/passkey", Ok(UserOf(user), signIn: user)));
        var authenticator = await VirtualAuthenticator.AddAsync(app.Page);
        var origin = new Uri(app.Page.Url).GetLeftPart(UriPartial.Authority);

        await app.Page.GetByLabel("Name for this passkey").FillAsync("Work laptop");
        await app.Button("Create a passkey").ClickAsync();
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it’s you" })).ToBeFocusedAsync();
        // No factor yet: the password alone re-authenticates.
        await Expect(app.Page.GetByLabel("Code from your authenticator app")).ToHaveCountAsync(0);
        await app.Page.Locator(".reauth").GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await app.Page.Locator(".reauth").GetByLabel("Password", new() { Exact = true }).PressAsync("Enter");

        await Expect(app.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The passkey “Work laptop” is added." })).ToBeVisibleAsync();
        await Expect(app.Button("End other sessions")).ToBeVisibleAsync();
        await Expect(app.Page.Locator(".items .item-name").First).ToHaveTextAsync("Work laptop");
        var stored = Assert.Single(await authenticator.CredentialsAsync());
        Assert.Equal("localhost", stored.RpId);
        Assert.True(stored.Resident);
        var added = Assert.Single(api.BodiesOf("POST", "/api/account/passkeys"))!;
        Assert.Equal("Work laptop", (string?)added["name"]);
        var created = added["credential"]!;
        Assert.Equal("public-key", (string?)created["type"]);
        Assert.Equal((string?)created["id"], (string?)created["rawId"]);
        Assert.Equal(Convert.FromBase64String(stored.Id), VirtualAuthenticator.FromBase64Url((string)created["id"]!));
        Assert.False(string.IsNullOrEmpty((string?)created["response"]!["attestationObject"]));
        var createData = VirtualAuthenticator.ClientData((string)created["response"]!["clientDataJSON"]!);
        Assert.Equal("webauthn.create", createData.GetProperty("type").GetString());
        Assert.Equal(VirtualAuthenticator.Base64Url(createChallenge), createData.GetProperty("challenge").GetString());
        Assert.Equal(origin, createData.GetProperty("origin").GetString());

        await app.SignOutButton.ClickAsync();
        await Expect(app.SignInHeading).ToBeVisibleAsync();
        await app.Button("Sign in with a passkey").ClickAsync();

        await app.ExpectFolderAsync("All files");
        await Expect(app.AccountName).ToHaveTextAsync(user.DisplayName);
        var assertion = Assert.Single(api.BodiesOf("POST", "/api/auth/passkey"))!;
        Assert.Null(assertion["reauth"]);
        var used = assertion["credential"]!;
        Assert.Equal((string?)created["id"], (string?)used["id"]);
        Assert.Equal(VirtualAuthenticator.Base64Url(userHandle), (string?)used["response"]!["userHandle"]);
        Assert.False(string.IsNullOrEmpty((string?)used["response"]!["signature"]));
        var getData = VirtualAuthenticator.ClientData((string)used["response"]!["clientDataJSON"]!);
        Assert.Equal("webauthn.get", getData.GetProperty("type").GetString());
        Assert.Equal(VirtualAuthenticator.Base64Url(getChallenge), getData.GetProperty("challenge").GetString());
        Assert.Equal(origin, getData.GetProperty("origin").GetString());
    }, onLocalhost: true);

    [Fact]
    public Task SecondFactor_PasskeyAfterThePassword_RefusedOnceThenSignsIn() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Paz Second");
        var challenge = RandomNumberGenerator.GetBytes(32);
        var credentialId = RandomNumberGenerator.GetBytes(16);
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Status(202, new { next = "second-factor", methods = new[] { "passkey", "recovery" }, expiresAt = DateTimeOffset.UtcNow.AddMinutes(5) }, signIn: user))
            .On("POST", "/api/auth/passkey/options", Ok(new
            {
                challenge = VirtualAuthenticator.Base64Url(challenge),
                rpId = "localhost",
                allowCredentials = new[] { new { type = "public-key", id = VirtualAuthenticator.Base64Url(credentialId) } },
                userVerification = "required",
                timeout = 60000,
            }))
            .On("POST", "/api/auth/passkey", Problem(401, "invalid_credentials"), Ok(UserOf(user)));
        await app.OpenAsync();
        var authenticator = await VirtualAuthenticator.AddAsync(app.Page);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await authenticator.AddCredentialAsync("localhost", credentialId, RandomNumberGenerator.GetBytes(16), key.ExportPkcs8PrivateKey());
        await app.SignInAsync(user);

        // No authenticator app: the passkey comes first, a recovery code is the other way.
        await Expect(app.Page.GetByText("Use your passkey to finish signing in.")).ToBeVisibleAsync();
        await Expect(app.Page.GetByLabel("Code from your authenticator app")).ToBeHiddenAsync();
        await Expect(app.Button("Use a recovery code instead")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);
        await app.Button("Use a passkey").ClickAsync();
        await Expect(app.Page.Locator("#step-body .alert")).ToHaveTextAsync(
            "FileBridge does not accept that passkey. It may have been removed from your account: sign in with your password.");
        await Expect(app.Button("Use a passkey")).ToBeFocusedAsync();
        await app.Button("Use a passkey").ClickAsync();

        await app.ExpectFolderAsync("All files");
        await Expect(app.Rows.First).ToBeVisibleAsync();
        var sent = api.BodiesOf("POST", "/api/auth/passkey");
        Assert.Equal(2, sent.Count);
        Assert.All(sent, b => Assert.Equal(VirtualAuthenticator.Base64Url(credentialId), (string?)b!["credential"]!["id"]));
        var data = VirtualAuthenticator.ClientData((string)sent[1]!["credential"]!["response"]!["clientDataJSON"]!);
        Assert.Equal("webauthn.get", data.GetProperty("type").GetString());
        Assert.Equal(VirtualAuthenticator.Base64Url(challenge), data.GetProperty("challenge").GetString());
    }, onLocalhost: true);

    [Fact]
    public Task PasskeySignIn_OnlyAPasskeyOfAnotherRelyingParty_IsNotOfferedAndNothingIsSent() => host.RunAsync(async app =>
    {
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/passkey/options", Ok(new
        {
            challenge = VirtualAuthenticator.Base64Url(RandomNumberGenerator.GetBytes(32)),
            rpId = "localhost",
            allowCredentials = Array.Empty<object>(),
            userVerification = "required",
            timeout = 5000,
        }));
        await app.OpenAsync();
        var authenticator = await VirtualAuthenticator.AddAsync(app.Page);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await authenticator.AddCredentialAsync("files.example.com", RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16), key.ExportPkcs8PrivateKey());

        await app.Button("Sign in with a passkey").ClickAsync();

        await Expect(app.SignInError).ToHaveTextAsync("The passkey request was cancelled or timed out. Try again, or use another way.");
        await Expect(app.Button("Sign in with a passkey")).ToBeFocusedAsync();
        Assert.Empty(api.BodiesOf("POST", "/api/auth/passkey"));
    }, onLocalhost: true);
}
