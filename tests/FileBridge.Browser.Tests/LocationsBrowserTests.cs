using Deque.AxeCore.Playwright;

namespace FileBridge.Browser.Tests;

/// <summary>Locations at the root, search below a folder, and previews, in Chromium.</summary>
public sealed class LocationsBrowserTests(LocationsHost host) : IClassFixture<LocationsHost>
{
    [Fact]
    public Task Root_ShowsTheLocationsAsFolders() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/");

        Assert.Equal(["alpha", "demo", "logs"], await app.NamesAsync(app.FolderRows));
        await app.Folder("logs").ClickAsync();
        await app.ExpectFolderAsync("logs");
        Assert.Equal(["app", "preview", "reports"], await app.NamesAsync(app.FolderRows));
    });

    [Fact]
    public Task Search_FindsFilesAcrossFolders_AndAResultLeadsToItsFolder() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/logs/");

        await app.Page.GetByLabel("Search this folder and everything below it").FillAsync("report");
        await app.Button("Search").ClickAsync();

        var results = app.Page.Locator("#search-list li");
        await Expect(results).ToHaveCountAsync(2);
        await Expect(app.Page.Locator("#search-status")).ToHaveTextAsync("Done. 2 files found, 46 keys scanned.");
        await Expect(app.Page.GetByRole(AriaRole.Heading, new() { Name = "Results for “report”" })).ToBeVisibleAsync();
        await Expect(app.Table).ToBeHiddenAsync();
        Assert.EndsWith("/browse/logs/?q=report", app.Page.Url, StringComparison.Ordinal);
        await Expect(results.First.Locator(".result-folder")).ToHaveTextAsync("reports/2025/");

        await app.Page.GetByRole(AriaRole.Link, new() { Name = "Open folder logs/reports/2025/" }).First.ClickAsync();

        await app.ExpectFolderAsync("2025");
        await Expect(app.File("monthly-report-01.csv")).ToBeVisibleAsync();
        await Expect(app.Page.Locator("#search-results")).ToBeHiddenAsync();
        await app.Page.GoBackAsync();
        await Expect(results).ToHaveCountAsync(2);
        await AssertNoSeriousAccessibilityViolationsAsync(app);
    });

    [Fact]
    public Task Search_DeepLink_RunsTheSearchAfterSigningIn() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Dora Deeplink");
        await app.OpenAsync("/browse/demo/home/?q=todo");
        await app.SignInAsync(user);

        await Expect(app.Page.Locator("#search-list li")).ToHaveCountAsync(2);
        await Expect(app.Page.GetByLabel("Search this folder and everything below it")).ToHaveValueAsync("todo");
        Assert.EndsWith("/browse/demo/home/?q=todo", app.Page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task Search_KeyboardOnly_SearchesReachesAResultAndStops() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/demo/archive/");
        await Expect(app.FolderHeading).ToBeFocusedAsync();

        await app.Page.Keyboard.PressAsync("Tab");
        await Expect(app.Page.GetByLabel("Search this folder and everything below it")).ToBeFocusedAsync();
        await app.Page.Keyboard.TypeAsync("log-0001");
        await app.Page.Keyboard.PressAsync("Enter");
        await Expect(app.Page.Locator("#search-status")).ToHaveTextAsync("Done. 1 file found, 1,200 keys scanned.", new() { Timeout = 30_000 });
        await app.Page.Keyboard.PressAsync("Tab");
        await app.Page.Keyboard.PressAsync("Tab");
        await app.Page.Keyboard.PressAsync("Tab");

        Assert.Equal("a: log-0001.txt, download, in demo/archive/2024/", await app.FocusedAsync());
        await app.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("a: View log-0001.txt (opens in a new tab)", await app.FocusedAsync());
        await Expect(app.Announcer).ToHaveTextAsync("Search finished: 1 file found.");
    });

    [Fact]
    public Task Search_Stop_EndsTheWalkAndOffersToContinue() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/demo/");
        // Hold every search page a while, so there is time to stop between them.
        await app.Page.RouteAsync("**/api/files/search?*", async route =>
        {
            await Task.Delay(300);
            await route.ContinueAsync();
        });
        await app.Page.GetByLabel("Search this folder and everything below it").FillAsync("log-");
        await app.Page.Keyboard.PressAsync("Enter");
        await Expect(app.Page.Locator("#search-list li").First).ToBeVisibleAsync();

        await app.Button("Stop").ClickAsync();

        await Expect(app.Page.Locator("#search-status")).ToContainTextAsync("Stopped.");
        await Expect(app.Button("Continue searching")).ToBeFocusedAsync();
        var shown = await app.Page.Locator("#search-list li").CountAsync();
        Assert.InRange(shown, 100, 1199);
    });

    [Fact]
    public Task View_ImageAndText_OpenInTheBrowser_HtmlAndSvgOnlyDownload() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/logs/preview/");
        await Expect(app.Link("View page.html (opens in a new tab)")).ToHaveCountAsync(0);
        await Expect(app.Link("View drawing.svg (opens in a new tab)")).ToHaveCountAsync(0);

        var image = await app.Page.RunAndWaitForPopupAsync(() => app.Link("View photo.png (opens in a new tab)").ClickAsync());
        await image.WaitForLoadStateAsync();
        var text = await app.Page.RunAndWaitForPopupAsync(() => app.Link("View claims-html.txt (opens in a new tab)").ClickAsync());
        await text.WaitForLoadStateAsync();

        Assert.Equal("image/png", await image.EvaluateAsync<string>("() => document.contentType"));
        Assert.Equal("text/plain", await text.EvaluateAsync<string>("() => document.contentType"));
        await Expect(text.Locator("body")).ToContainTextAsync("<script>alert(document.cookie)</script>");
        Assert.Equal(0, await text.Locator("script").CountAsync());
        await AssertNoSeriousAccessibilityViolationsAsync(app);
    });

    [Fact]
    public Task View_FollowsTheServersPreviewableFlag_NotTheFileName() => host.RunAsync(async app =>
    {
        // Every answer's flags are turned around on the way: a page that kept its own list of types would not notice.
        await app.Page.RouteAsync("**/api/files?*", FlipPreviewableAsync);
        await app.Page.RouteAsync("**/api/files/search?*", FlipPreviewableAsync);

        await SignedInAsync(app, "/browse/logs/preview/");

        await Expect(app.Link("View page.html (opens in a new tab)")).ToBeVisibleAsync();
        await Expect(app.Link("View drawing.svg (opens in a new tab)")).ToBeVisibleAsync();
        await Expect(app.Link("View photo.png (opens in a new tab)")).ToHaveCountAsync(0);
        await Expect(app.Page.Locator(".entry-view")).ToHaveCountAsync(2);
        await app.Page.GetByLabel("Search this folder and everything below it").FillAsync("page");
        await app.Page.Keyboard.PressAsync("Enter");
        await Expect(app.Page.Locator("#search-status")).ToContainTextAsync("Done.");
        await Expect(app.Page.Locator(".result-view")).ToHaveCountAsync(1);
        await Expect(app.Link("View page.html (opens in a new tab)")).ToBeVisibleAsync();
    });

    private static async Task FlipPreviewableAsync(IRoute route)
    {
        var response = await route.FetchAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
        foreach (var file in body["files"]!.AsArray())
        {
            file!["previewable"] = !file["previewable"]!.GetValue<bool>();
        }

        await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
    }

    [Fact]
    public Task Search_OnAPhone_ResultsAreReadableAndReachable() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/logs/");
        await app.Page.GetByLabel("Search this folder and everything below it").FillAsync("preview/");
        await app.Page.Keyboard.PressAsync("Enter");

        await Expect(app.Page.Locator("#search-status")).ToContainTextAsync("Done.");
        var view = app.Page.Locator(".result-view").First;
        var box = await view.BoundingBoxAsync();
        Assert.True(box!.Height >= 44, $"View is {box.Height}px tall");
        var overflow = await app.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        await AssertNoSeriousAccessibilityViolationsAsync(app);
    }, new ViewportSize { Width = 390, Height = 844 });

    private async Task SignedInAsync(AppPage app, string path)
    {
        var user = await host.CreateUserAsync("Lena Locations");
        await app.OpenAsync(path);
        await app.SignInAsync(user);
        await Expect(app.Table).ToBeVisibleAsync();
        await Expect(app.ListingArea).ToHaveAttributeAsync("aria-busy", "false");
    }

    private static async Task AssertNoSeriousAccessibilityViolationsAsync(AppPage app)
    {
        var results = await app.Page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
