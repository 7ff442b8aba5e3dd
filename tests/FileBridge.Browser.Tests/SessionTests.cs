namespace FileBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SessionTests(BrowserHost host)
{
    [Fact]
    public Task RevokedSession_NextAction_SignsInAgainAndReturnsToTheFolder() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Rita Revoked");
        await app.OpenAsync("/browse/projects/beta/");
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("beta");

        Assert.Equal(1, await host.RevokeSessionsAsync(user));
        await app.Folder("assets").ClickAsync();

        await Expect(app.SignInNotice).ToHaveTextAsync("Your session has ended, please sign in again.");
        await Expect(app.UserName).ToHaveValueAsync(user.Name);
        await Expect(app.Password).ToBeFocusedAsync();
        Assert.EndsWith("/browse/projects/beta/assets/", app.Page.Url, StringComparison.Ordinal);
        await app.Password.FillAsync(user.Password);
        await app.Password.PressAsync("Enter");

        await app.ExpectFolderAsync("assets");
        await Expect(app.File("logo.png")).ToBeVisibleAsync();
        await Expect(app.SignInNotice).ToBeHiddenAsync();
    });
}

public sealed class SessionExpiryTests(FakeClockHost host) : IClassFixture<FakeClockHost>
{
    [Fact]
    public Task IdleSession_NextAction_SignsInAgainAndReturnsToTheFolder() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Ida Idle");
        await app.OpenAsync("/browse/projects/");
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("projects");

        // Past the default idle timeout (30 minutes) on the app's clock.
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        await app.Folder("alpha").ClickAsync();

        await Expect(app.SignInNotice).ToHaveTextAsync("Your session has ended, please sign in again.");
        Assert.EndsWith("/browse/projects/alpha/", app.Page.Url, StringComparison.Ordinal);
        await app.SignInAsync(user);

        await app.ExpectFolderAsync("alpha");
        await Expect(app.File("notes.txt")).ToBeVisibleAsync();
        await Expect(app.Folder("specs")).ToBeVisibleAsync();
    });
}
