using static FileBridge.Browser.Tests.ContractApi;

namespace FileBridge.Browser.Tests;

/// <summary>
/// The steps after the password as the page shows them, for each answer README.md gives ("Signing in"; 202 <c>next</c>,
/// <c>invalid_code</c>, <c>weak_password</c>, <c>step_expired</c>, <c>enrollment_needs_operator</c>): the answers come
/// from <see cref="ContractApi"/>, the session that follows is a real one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInStepsTests(BrowserHost host)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static object Step(string next, params string[] methods) => methods.Length == 0
        ? new { next, expiresAt = DateTimeOffset.UtcNow.AddMinutes(5) }
        : new { next, methods, expiresAt = DateTimeOffset.UtcNow.AddMinutes(5) };

    private static readonly string[] NewCodes = Enumerable.Range(0, 10).Select(i => $"ABCD-EFGH-IJKL-MNOP-QRST-UVW{i}").ToArray();

    [Fact]
    public Task SecondFactor_WrongThenRightCode_SignsIn() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Sam Second");
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Status(202, Step("second-factor", "passkey", "totp", "recovery"), signIn: user))
            .On("POST", "/api/auth/second-factor", Problem(401, "invalid_code"), Ok(UserOf(user)));
        await app.OpenAsync();
        await app.SignInAsync(user);

        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it's you" })).ToBeFocusedAsync();
        var code = app.Page.GetByLabel("Code from your authenticator app");
        await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Expect(code).ToHaveAttributeAsync("inputmode", "numeric");
        await Expect(app.Button("Use a passkey")).ToBeVisibleAsync();
        await Expect(app.Button("Use a recovery code instead")).ToBeVisibleAsync();
        await Screenshots.SaveStateAsync(app.Page, "second-step-desktop");
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);

        await code.FillAsync("000000");
        await code.PressAsync("Enter");
        await Expect(app.Page.Locator("#step-body .alert")).ToHaveTextAsync("That code is not right. Enter the code your authenticator app shows now.");
        await Expect(code).ToBeFocusedAsync();
        await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await code.FillAsync("123 456");
        await code.PressAsync("Enter");

        await app.ExpectFolderAsync("All files");
        await Expect(app.AccountName).ToHaveTextAsync(user.DisplayName);
        var sent = api.BodiesOf("POST", "/api/auth/second-factor");
        Assert.Equal(["000000", "123456"], sent.Select(b => (string?)b!["code"]));
        Assert.All(sent, b => Assert.Equal("totp", (string?)b!["method"]));
    });

    [Fact]
    public Task SecondFactor_OnAPhone_RecoveryCodeSignsIn() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Rory Recovery");
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Status(202, Step("second-factor", "totp", "recovery"), signIn: user))
            .On("POST", "/api/auth/second-factor", Ok(UserOf(user)));
        await app.OpenAsync();
        await app.SignInAsync(user);
        await Expect(app.Page.GetByLabel("Code from your authenticator app")).ToBeVisibleAsync();
        await Screenshots.SaveStateAsync(app.Page, "second-step-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);

        await app.Button("Use a recovery code instead").ClickAsync();
        var recovery = app.Page.GetByLabel("Recovery code");
        await Expect(recovery).ToBeFocusedAsync();
        await Expect(recovery).ToHaveAttributeAsync("autocomplete", "off");
        await recovery.FillAsync("ABCD-EFGH-IJKL-MNOP-QRST-UVWX");
        await recovery.PressAsync("Enter");

        await app.ExpectFolderAsync("All files");
        var sent = Assert.Single(api.BodiesOf("POST", "/api/auth/second-factor"));
        Assert.Equal("recovery", (string?)sent!["method"]);
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTUVWX", (string?)sent["code"]);
        Assert.True(await app.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }, viewport: Phone);

    [Fact]
    public Task ChangePassword_WeakThenOwn_SaysWhyThenSignsIn() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Tess Temporary");
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Status(202, Step("change-password"), signIn: user))
            .On("POST", "/api/account/password", Problem(400, "weak_password", "common"), Problem(400, "weak_password", "contains_name"), Ok(UserOf(user)));
        await app.OpenAsync();
        await app.SignInAsync(user);
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeFocusedAsync();
        var fresh = app.Page.GetByLabel("New password", new() { Exact = true });
        var again = app.Page.GetByLabel("New password again");
        await Expect(fresh).ToHaveAttributeAsync("autocomplete", "new-password");

        await fresh.FillAsync("password1234");
        await again.FillAsync("password1234");
        await again.PressAsync("Enter");
        await Expect(app.Page.Locator("#step-body .alert")).ToContainTextAsync("list of commonly used passwords");
        await Expect(fresh).ToBeFocusedAsync();
        await fresh.FillAsync("tess temporary tea");
        await again.FillAsync("tess temporary tea");
        await again.PressAsync("Enter");
        await Expect(app.Page.Locator("#step-body .alert")).ToContainTextAsync("contains your user name, part of your name");
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);
        await fresh.FillAsync("copper kettle under the stairs");
        await again.FillAsync("copper kettle under the stairs");
        await again.PressAsync("Enter");

        await app.ExpectFolderAsync("All files");
        var sent = api.BodiesOf("POST", "/api/account/password");
        Assert.Equal(3, sent.Count);
        // The temporary password typed at sign-in is the current one; nobody types it twice.
        Assert.All(sent, b => Assert.Equal(user.Password, (string?)b!["currentPassword"]));
        Assert.Equal("copper kettle under the stairs", (string?)sent[2]!["newPassword"]);
    });

    [Fact]
    public Task ChangePassword_TwoDifferentPasswords_AsksAgainWithoutCallingTheServer() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Tom Typo");
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Status(202, Step("change-password"), signIn: user))
            .On("POST", "/api/account/password", Ok(UserOf(user)));
        await app.OpenAsync();
        await app.SignInAsync(user);

        await app.Page.GetByLabel("New password", new() { Exact = true }).FillAsync("copper kettle under the stairs");
        await app.Page.GetByLabel("New password again").FillAsync("copper kettle under the stair");
        await app.Button("Set the new password").ClickAsync();

        await Expect(app.Page.Locator("#step-body .alert")).ToHaveTextAsync("The two passwords are different. Type the new password again.");
        await Expect(app.Page.GetByLabel("New password again")).ToBeFocusedAsync();
        Assert.Empty(api.BodiesOf("POST", "/api/account/password"));
    });

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public Task Enroll_AuthenticatorApp_QrCodeAndKeyThenRecoveryCodesThenSignedIn(string device) => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Erin Enrol");
        var api = await AttachAsync(app);
        const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        api.On("POST", "/api/auth/login", Status(202, Step("enroll", "passkey", "totp"), signIn: user))
            .On("POST", "/api/account/totp", Ok(new { secret = Secret, otpauthUri = $"otpauth://totp/FileBridge:{user.Name}?secret={Secret}&issuer=FileBridge" }))
            .On("POST", "/api/account/totp/confirm", Problem(400, "invalid_code"), Ok(new { user = new { id = user.Name, displayName = user.DisplayName }, expiresAt = DateTimeOffset.UtcNow.AddHours(8), recoveryCodes = NewCodes }));
        await app.OpenAsync();
        await app.SignInAsync(user);
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Add a second sign-in method" })).ToBeFocusedAsync();
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Use a passkey" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);

        await app.Button("Set up an authenticator app").ClickAsync();

        var qr = app.Page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app. If you cannot scan it, use the key below." });
        await Expect(qr).ToBeVisibleAsync();
        Assert.StartsWith("M4 4h7v1h-7z", await qr.Locator("path").GetAttributeAsync("d"), StringComparison.Ordinal);
        await Expect(app.Page.Locator(".secret")).ToHaveTextAsync("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
        var code = app.Page.GetByLabel("Code the app shows");
        await Expect(code).ToBeFocusedAsync();
        await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Screenshots.SaveStateAsync(app.Page, $"enroll-{device}");
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);

        await code.FillAsync("111111");
        await code.PressAsync("Enter");
        await Expect(app.Page.Locator(".totp-setup .alert")).ToContainTextAsync("That code is not right");
        await code.FillAsync("222222");
        await code.PressAsync("Enter");

        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Almost done", Level = 1 })).ToBeFocusedAsync();
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes", Level = 2 })).ToBeVisibleAsync();
        Assert.Equal(NewCodes, await app.Page.Locator(".codes code").AllTextContentsAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(app.Page);
        var download = await app.Page.RunAndWaitForDownloadAsync(() => app.Button("Download codes").ClickAsync());
        Assert.Equal("filebridge-recovery-codes.txt", download.SuggestedFilename);
        var saved = await System.IO.File.ReadAllTextAsync(await download.PathAsync());
        Assert.All(NewCodes, c => Assert.Contains(c, saved, StringComparison.Ordinal));
        await app.Button("I have saved them, continue").ClickAsync();

        await app.ExpectFolderAsync("All files");
        Assert.Equal(["111111", "222222"], api.BodiesOf("POST", "/api/account/totp/confirm").Select(b => (string?)b!["code"]));
    }, viewport: device == "phone" ? Phone : null, testName: $"{nameof(Enroll_AuthenticatorApp_QrCodeAndKeyThenRecoveryCodesThenSignedIn)}_{device}");

    [Fact]
    public Task SignIn_EnrollmentNeedsOperator_SaysWhomToAsk() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Nora Noenrol");
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Problem(403, "enrollment_needs_operator"));
        await app.OpenAsync();

        await app.SignInAsync(user);

        await Expect(app.SignInError).ToContainTextAsync("Ask your administrator for a temporary password.");
        await Expect(app.SignInHeading).ToBeVisibleAsync();
    });

    [Fact]
    public Task SecondFactor_StepExpired_BackToTheFormWithTheReason() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Ed Expired");
        var api = await AttachAsync(app);
        api.On("POST", "/api/auth/login", Status(202, Step("second-factor", "totp"), signIn: user))
            .On("POST", "/api/auth/second-factor", Problem(401, "step_expired"));
        await app.OpenAsync();
        await app.SignInAsync(user);

        await app.Page.GetByLabel("Code from your authenticator app").FillAsync("123456");
        await app.Button("Verify").ClickAsync();

        await Expect(app.SignInError).ToHaveTextAsync("That sign-in took too long or had too many wrong codes, so it was stopped. Please sign in again.");
        await Expect(app.UserName).ToHaveValueAsync(user.Name);
        await Expect(app.Password).ToBeFocusedAsync();
    });
}
