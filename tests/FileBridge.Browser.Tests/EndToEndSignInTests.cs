using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FileBridge.Core.Users;
using FileBridge.Testing;
using OtpNet;
using Xunit.Abstractions;

namespace FileBridge.Browser.Tests;

/// <summary>The DevHost under <c>Login:SecondFactor</c> = <c>Required</c>, on a clock the tests move (authenticator steps).</summary>
public sealed class RequiredSecondFactorHost : BrowserHost
{
    public TestClock Clock { get; } = new();

    protected override TimeProvider? Time => Clock;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Login:SecondFactor"] = "Required";
        settings["Login:DeviceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>A person whose password is a temporary one, as <c>users add</c> makes them.</summary>
    public async Task<TestUser> CreateTemporaryUserAsync(string displayName)
    {
        var user = await CreateUserAsync(displayName);
        var users = new TestUsers(Settings);
        await users.Store.UpdateAsync(user.Name, new UserChange(
            PasswordHash: TestUsers.Hash(user.Password), TemporaryPasswordExpiresAt: Clock.GetUtcNow().AddHours(1)), CancellationToken.None);
        return user;
    }
}

/// <summary>The whole path through the real v3 routes: temporary password, forced change, enrolment, a code sign-in.</summary>
public sealed class TemporaryPasswordEndToEndTests(RequiredSecondFactorHost host) : IClassFixture<RequiredSecondFactorHost>
{
    [Fact]
    public Task TemporaryPassword_ChangeEnrolAppThenSignInWithACode_NormalSessions() => host.RunAsync(async app =>
    {
        var user = await host.CreateTemporaryUserAsync("Toni Temporary");
        const string NewPassword = "lantern copper orchard seventeen";
        await app.OpenAsync();
        await app.SignInAsync(user);

        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeFocusedAsync();
        await app.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await app.Page.GetByLabel("New password again").FillAsync(NewPassword);
        await app.Button("Set the new password").ClickAsync();

        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Add a second sign-in method" })).ToBeFocusedAsync();
        await app.Button("Set up an authenticator app").ClickAsync();
        var secretText = app.Page.Locator(".secret");
        await Expect(secretText).Not.ToBeEmptyAsync();
        await Expect(app.Page.Locator("svg.qr path")).ToHaveCountAsync(1);
        var secret = Base32Encoding.ToBytes((await secretText.TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal));
        await app.Page.GetByLabel("Code the app shows").FillAsync(CodeAt(secret));
        await app.Button("Turn on").ClickAsync();

        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" })).ToBeVisibleAsync();
        await Expect(app.Page.Locator(".codes code")).ToHaveCountAsync(10);
        await app.Button("I have saved them, continue").ClickAsync();
        await app.ExpectFolderAsync("All files");
        await Expect(app.Rows.First).ToBeVisibleAsync();

        await app.SignOutButton.ClickAsync();
        // The first code's step is used up: the next sign-in takes the next step's code.
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.SignInAsync(user.Name, NewPassword);
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it's you" })).ToBeFocusedAsync();
        var code = app.Page.GetByLabel("Code from your authenticator app");
        await code.FillAsync(CodeAt(secret));
        await code.PressAsync("Enter");

        await app.ExpectFolderAsync("All files");
        await Expect(app.Rows.First).ToBeVisibleAsync();
        await Expect(app.AccountName).ToHaveTextAsync(user.DisplayName);
    });

    private string CodeAt(byte[] secret) => new Totp(secret).ComputeTotp(host.Clock.GetUtcNow().UtcDateTime);
}

/// <summary>Passkeys through the real v3 routes and Fido2, on Chromium's virtual authenticator, at http://localhost.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyEndToEndTests(BrowserHost host, ITestOutputHelper output)
{
    private const int TimingRuns = 50;

    private static async Task AddPasskeyOnTheAccountPageAsync(AppPage app, string name)
    {
        await app.Link("Account").ClickAsync();
        await app.Page.GetByLabel("Name for this passkey").FillAsync(name);
        await app.Button("Create a passkey").ClickAsync();
        await Expect(app.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"The passkey “{name}” is added." })).ToBeVisibleAsync();
    }

    [Fact]
    public Task Passkey_RegisteredOnTheAccountPage_SignsInWithoutAName_RemovedIsRefused() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Pat Passkey");
        await app.OpenAsync();
        var authenticator = await VirtualAuthenticator.AddAsync(app.Page);
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("All files");
        await AddPasskeyOnTheAccountPageAsync(app, "Work laptop");
        await Expect(app.Page.Locator(".items .item-name").First).ToHaveTextAsync("Work laptop");
        Assert.Equal("localhost", Assert.Single(await authenticator.CredentialsAsync()).RpId);

        await app.SignOutButton.ClickAsync();
        await app.Button("Sign in with a passkey").ClickAsync();
        await app.ExpectFolderAsync("All files");
        await Expect(app.Rows.First).ToBeVisibleAsync();
        await Expect(app.AccountName).ToHaveTextAsync(user.DisplayName);

        await app.Link("Account").ClickAsync();
        await Expect(app.Page.GetByText("Last used", new() { Exact = false })).ToBeVisibleAsync();
        await app.Button("Remove passkey Work laptop").ClickAsync();
        await Expect(app.Page.GetByText("No passkeys yet.")).ToBeVisibleAsync();
        await app.SignOutButton.ClickAsync();
        // The authenticator still holds it and offers it; the server no longer knows it.
        await app.Button("Sign in with a passkey").ClickAsync();

        await Expect(app.SignInError).ToHaveTextAsync("FileBridge does not accept that passkey. It may have been removed from your account: sign in with your password.");
        await Expect(app.AccountName).ToBeHiddenAsync();
    }, onLocalhost: true);

    [Fact]
    public Task Passkey_ForAnotherRelyingPartyId_IsNeverMadeNorSent() => host.RunAsync(async app =>
    {
        var sent = 0;
        app.Page.Request += (_, request) => sent += request.Method == "POST" && request.Url.EndsWith("/api/account/passkeys", StringComparison.Ordinal) ? 1 : 0;
        var user = await host.CreateUserAsync("Otto Other");
        await app.OpenAsync();
        await VirtualAuthenticator.AddAsync(app.Page);
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("All files");
        // Registration options for another relying party id: the browser refuses to make such a passkey here.
        await app.Page.RouteAsync("**/api/account/passkeys/options", async route =>
        {
            var real = await route.FetchAsync();
            var body = (await real.TextAsync()).Replace("\"id\":\"localhost\"", "\"id\":\"files.example.com\"", StringComparison.Ordinal);
            await route.FulfillAsync(new() { Response = real, Body = body });
        });
        await app.Link("Account").ClickAsync();
        await app.Page.GetByLabel("Name for this passkey").FillAsync("Elsewhere");
        await app.Button("Create a passkey").ClickAsync();

        await Expect(app.Page.Locator(".passkey-add .alert")).ToHaveTextAsync("This browser cannot use passkeys on this address.");
        await Expect(app.Page.GetByText("No passkeys yet.")).ToBeVisibleAsync();
        Assert.Equal(0, sent);
    }, onLocalhost: true);

    [Fact]
    public async Task PasskeySignIn_FiftyTimes_RecordsTheMedianWait()
    {
        var user = await host.CreateUserAsync("Tara Timing");
        var waits = new List<double>();
        await host.RunAsync(async app =>
        {
            await app.OpenAsync();
            await VirtualAuthenticator.AddAsync(app.Page);
            await app.SignInAsync(user);
            await app.ExpectFolderAsync("All files");
            await AddPasskeyOnTheAccountPageAsync(app, "Timing key");
            for (var run = 0; run < TimingRuns; run++)
            {
                await app.SignOutButton.ClickAsync();
                await Expect(app.SignInHeading).ToBeVisibleAsync();
                var clock = Stopwatch.StartNew();
                await app.Button("Sign in with a passkey").ClickAsync();
                await app.Rows.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
                waits.Add(clock.Elapsed.TotalMilliseconds);
            }
        }, onLocalhost: true);

        var median = waits.Order().ElementAt(waits.Count / 2);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"Passkey sign-in (press the button -> file list visible): median {median:F0} ms over {waits.Count} runs, fastest {waits.Min():F0} ms, slowest {waits.Max():F0} ms");
        output.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(TestEnvironment.RepoRoot, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(TestEnvironment.RepoRoot, "artifacts", "passkey-sign-in-timing.txt"), report + "\n");
        Assert.Equal(TimingRuns, waits.Count);
    }
}
