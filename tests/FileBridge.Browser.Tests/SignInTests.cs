using System.Text.RegularExpressions;

namespace FileBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class SignInTests(BrowserHost host)
{
    [Fact]
    public Task SignIn_WrongThenRightPassword_ShowsErrorThenFiles() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Wendy Wrong");
        await app.OpenAsync();

        await app.SignInAsync(user.Name, "not-the-password");

        await Expect(app.SignInError).ToHaveTextAsync("The user name or password is incorrect.");
        await Expect(app.SignInHint).ToContainTextAsync("several failed attempts in a row lock the account for a while");
        await Expect(app.Password).ToBeFocusedAsync();
        await Expect(app.Password).ToHaveValueAsync(string.Empty);
        await Expect(app.UserName).ToHaveValueAsync(user.Name);

        await app.Password.FillAsync(user.Password);
        await app.SignInButton.ClickAsync();

        await app.ExpectFolderAsync("All files");
        await Expect(app.AccountName).ToHaveTextAsync(user.DisplayName);
        await Expect(app.Folder("projects")).ToBeVisibleAsync();
        await Expect(app.File("README.txt")).ToBeVisibleAsync();
        await Expect(app.SignInHeading).ToBeHiddenAsync();
    });

    [Fact]
    public Task SignIn_EmptyFields_AsksForThemWithoutCallingTheServer() => host.RunAsync(async app =>
    {
        var logins = 0;
        app.Page.Request += (_, request) => logins += request.Url.EndsWith("/api/auth/login", StringComparison.Ordinal) ? 1 : 0;
        await app.OpenAsync();

        await app.SignInButton.ClickAsync();

        await Expect(app.SignInError).ToHaveTextAsync("Enter your user name and password.");
        await Expect(app.UserName).ToBeFocusedAsync();
        await Expect(app.UserName).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, logins);
    });

    [Fact]
    public Task SignIn_RepeatedWrongPasswords_SaysHowLongToWait() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Larry Locked");
        await app.OpenAsync();

        for (var attempt = 0; attempt < 8 && !(await app.SignInError.TextContentAsync() ?? string.Empty).StartsWith("Too many", StringComparison.Ordinal); attempt++)
        {
            await app.UserName.FillAsync(user.Name);
            await app.Password.FillAsync($"wrong-{attempt}");
            await app.SignInButton.ClickAsync();
            await Expect(app.SignInButton).ToBeEnabledAsync();
            await Expect(app.SignInError).ToBeVisibleAsync();
        }

        await Expect(app.SignInError).ToHaveTextAsync(TooManyAttempts());
        await Expect(app.Password).ToHaveValueAsync(string.Empty);
        await Expect(app.Password).ToBeFocusedAsync();
        await Expect(app.SignInHint).ToBeHiddenAsync();
    });

    [Fact]
    public Task SignIn_DeepLinkBeforeSigningIn_LandsOnThatFolder() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Dana Deeplink");

        await app.OpenAsync("/browse/projects/alpha/specs/");

        await Expect(app.SignInHeading).ToBeVisibleAsync();
        await Expect(app.SignInNotice).ToBeHiddenAsync();
        Assert.EndsWith("/browse/projects/alpha/specs/", app.Page.Url, StringComparison.Ordinal);

        await app.SignInAsync(user);

        await app.ExpectFolderAsync("specs");
        await Expect(app.File("design.md")).ToBeVisibleAsync();
        Assert.EndsWith("/browse/projects/alpha/specs/", app.Page.Url, StringComparison.Ordinal);
        await Expect(app.Breadcrumb("alpha")).ToBeVisibleAsync();
    });

    [Fact]
    public Task SignIn_KeyboardOnly_SignsInAndOpensAFolder() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Kim Keyboard");
        await app.OpenAsync();
        await Expect(app.UserName).ToBeFocusedAsync();

        await app.Page.Keyboard.TypeAsync(user.Name);
        await app.Page.Keyboard.PressAsync("Tab");
        await app.Page.Keyboard.TypeAsync(user.Password);
        await app.Page.Keyboard.PressAsync("Enter");
        await app.ExpectFolderAsync("All files");
        await Expect(app.FolderHeading).ToBeFocusedAsync();
        for (var i = 0; i < 30 && !await app.Folder("archive").EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await app.Page.Keyboard.PressAsync("Tab");
        }

        await Expect(app.Folder("archive")).ToBeFocusedAsync();
        await app.Page.Keyboard.PressAsync("Enter");

        await app.ExpectFolderAsync("archive");
        await Expect(app.Folder("2024")).ToBeVisibleAsync();
        Assert.EndsWith("/browse/archive/", app.Page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task SignOut_EndsTheSessionOnTheServerAndShowsSignIn() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Sam Signout");
        await app.OpenAsync("/browse/projects/");
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("projects");
        var token = (await app.Page.Context.CookiesAsync()).Single(c => c.Name == FileBridge.Testing.ApiSession.CookieName).Value;

        await app.SignOutButton.ClickAsync();

        await Expect(app.SignInHeading).ToBeVisibleAsync();
        await Expect(app.SignInNotice).ToHaveTextAsync("You have signed out.");
        await Expect(app.SignOutButton).ToBeHiddenAsync();
        Assert.Equal(new Uri(host.BaseAddress, "/").ToString(), app.Page.Url);
        Assert.DoesNotContain(await app.Page.Context.CookiesAsync(), c => c.Name == FileBridge.Testing.ApiSession.CookieName);
        using var client = host.DevHost.CreateClient();
        using var me = await client.SendAsync(FileBridge.Testing.ApiSession.Request(HttpMethod.Get, "api/auth/me", token));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, me.StatusCode);

        await app.Page.ReloadAsync();
        await Expect(app.SignInHeading).ToBeVisibleAsync();
    });

    [Fact]
    public Task SignOut_ServerUnreachable_SaysSoAndKeepsFocus() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Una Offline");
        await app.OpenAsync("/browse/projects/");
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("projects");
        await app.Page.RouteAsync("**/api/auth/logout", route => route.AbortAsync());

        await app.SignOutButton.ClickAsync();

        await Expect(app.ActionError).ToBeVisibleAsync();
        await Expect(app.ActionError).ToContainTextAsync("Couldn't reach the server to sign you out.");
        await Expect(app.SignOutButton).ToBeFocusedAsync();
        await Expect(app.SignOutButton).ToBeEnabledAsync();
        await Expect(app.Folder("alpha")).ToBeVisibleAsync();
    });

    [GeneratedRegex(@"^Too many sign-in attempts\. Please try again in \d+ (minutes?|seconds?|hours?( and \d+ minutes?)?)\.$")]
    private static partial Regex TooManyAttempts();
}
