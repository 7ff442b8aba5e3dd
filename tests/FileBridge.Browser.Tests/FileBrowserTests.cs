using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using FileBridge.Testing;

namespace FileBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class FileBrowserTests(BrowserHost host)
{
    private const int ArchiveCount = 1200;

    [Fact]
    public Task Browse_NestedFoldersAndBreadcrumbs_ShowEachFolder() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/");
        await Expect(app.Breadcrumbs).ToBeHiddenAsync();

        // The whole row opens the folder, not only its name.
        var sizeCell = await app.FolderRows.Filter(new() { HasText = "projects" }).Locator(".col-size").BoundingBoxAsync();
        await app.Page.Mouse.ClickAsync(sizeCell!.X + (sizeCell.Width / 2), sizeCell.Y + (sizeCell.Height / 2));
        await app.ExpectFolderAsync("projects");
        Assert.Equal(["alpha", "beta"], await app.NamesAsync(app.FolderRows));
        await app.Folder("alpha").ClickAsync();
        await app.ExpectFolderAsync("alpha");
        await app.Folder("specs").ClickAsync();
        await app.ExpectFolderAsync("specs");
        await Expect(app.File("design.md")).ToBeVisibleAsync();
        Assert.EndsWith("/browse/projects/alpha/specs/", app.Page.Url, StringComparison.Ordinal);
        Assert.Equal(["All files", "projects", "alpha", "specs"], await app.Breadcrumbs.Locator("li").AllInnerTextsAsync());
        await Expect(app.Breadcrumbs.Locator("[aria-current=page]")).ToHaveTextAsync("specs");

        await app.Breadcrumb("projects").ClickAsync();
        await app.ExpectFolderAsync("projects");
        Assert.EndsWith("/browse/projects/", app.Page.Url, StringComparison.Ordinal);
        await app.Page.GoBackAsync();
        await app.ExpectFolderAsync("specs");
        await app.Breadcrumb("All files").ClickAsync();

        await app.ExpectFolderAsync("All files");
        Assert.Equal(["archive", "home", "projects", "shared"], await app.NamesAsync(app.FolderRows));
        await Expect(app.File("README.txt")).ToBeVisibleAsync();
        await Expect(app.Page).ToHaveTitleAsync("All files – FileBridge");
        await Expect(app.Breadcrumbs).ToBeHiddenAsync();
        await Expect(app.Summary).ToHaveTextAsync("4 folders, 3 files");
    });

    [Fact]
    public Task LoadMoreThenLoadAll_Archive_KeepsFocusOnTheNewRowsAndShowsAll1200Files() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/archive/2024/");
        await app.ExpectFolderAsync("2024");
        var firstPage = await app.FileRows.CountAsync();
        Assert.InRange(firstPage, 1, (ArchiveCount / 2) - 1);
        await Expect(app.Summary).ToHaveTextAsync($"{firstPage:N0} files loaded · more available");

        await app.LoadMore.FocusAsync();
        await app.Page.Keyboard.PressAsync("Enter");

        await Expect(app.FileRows).ToHaveCountAsync(2 * firstPage);
        await Expect(app.File($"log-{firstPage + 1:0000}.txt")).ToBeFocusedAsync();
        await app.LoadAll.ClickAsync();

        // Several pages in a row: on a busy two-core machine that can take longer than the default 5 s.
        await Expect(app.FileRows).ToHaveCountAsync(ArchiveCount, new() { Timeout = 60_000 });
        await Expect(app.File($"log-{(2 * firstPage) + 1:0000}.txt")).ToBeFocusedAsync();
        Assert.StartsWith("a: log-", await app.FocusedAsync(), StringComparison.Ordinal);
        await Expect(app.LoadMore).ToBeHiddenAsync();
        await Expect(app.Summary).ToHaveTextAsync("1,200 files");
        var names = await app.NamesAsync(app.FileRows);
        Assert.Equal(Enumerable.Range(1, ArchiveCount).Select(i => $"log-{i:0000}.txt"), names);
        await app.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
    });

    [Fact]
    public Task Retry_AfterTheServerWasUnreachable_LoadsTheFolderAndKeepsFocus() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Ursula Unreachable");
        await app.OpenAsync("/browse/projects/");
        await app.Page.RouteAsync("**/api/files?*", route => route.AbortAsync());
        await app.SignInAsync(user);
        await Expect(app.BrowserError).ToContainTextAsync("Can't reach the FileBridge server");
        await Expect(app.Filter).ToBeHiddenAsync();
        await app.Page.UnrouteAllAsync();

        await app.Button("Retry").ClickAsync();

        await app.ExpectFolderAsync("projects");
        await Expect(app.Folder("alpha")).ToBeVisibleAsync();
        await Expect(app.FolderHeading).ToBeFocusedAsync();
        await Expect(app.BrowserError).ToBeHiddenAsync();
        await Expect(app.Filter).ToBeVisibleAsync();
    });

    [Fact]
    public Task Browse_AccountGrantedNothing_SaysPlainlyThereIsNoAccessAndWhomToAsk() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Nora Noaccess", prefixes: "");
        await app.OpenAsync("/");
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("All files");

        await Expect(app.EmptyState).ToContainTextAsync("You don't have access to any files yet");
        await Expect(app.EmptyState).ToContainTextAsync("Ask your FileBridge administrator");
        await Expect(app.BrowserError).ToBeHiddenAsync();
        await Expect(app.Rows).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Browse_FolderThatHoldsNothing_SaysNothingHereAndOffersTheWayUp() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Nina Nothing");
        await app.OpenAsync("/browse/home/alice/nothing-here/");
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("nothing-here");

        await Expect(app.EmptyState).ToContainTextAsync("Nothing here");
        await Expect(app.EmptyState).Not.ToContainTextAsync("empty");
        await Expect(app.Filter).ToBeHiddenAsync();
        await app.Link("Go up to alice").ClickAsync();

        await app.ExpectFolderAsync("alice");
        await Expect(app.File("expenses.csv")).ToBeVisibleAsync();
        Assert.EndsWith("/browse/home/alice/", app.Page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task Browse_InvalidAddress_ExplainsInPlainWordsAndOffersAllFiles() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Ivan Invalid");
        await app.OpenAsync("/browse/?prefix=x%2F..%2F");
        await app.SignInAsync(user);
        await Expect(app.ListingArea).ToHaveAttributeAsync("aria-busy", "false");

        await Expect(app.BrowserError).ToContainTextAsync("This address doesn't point to a valid folder");
        await Expect(app.BrowserError).Not.ToContainTextAsync("segments");
        await Expect(app.Filter).ToBeHiddenAsync();
        await Expect(app.Button("Retry")).ToBeHiddenAsync();
        await app.Link("Go to All files").ClickAsync();

        await app.ExpectFolderAsync("All files");
        await Expect(app.Filter).ToBeVisibleAsync();
    });

    [Fact]
    public Task SortAndFilter_RootFolder_ReordersAndNarrowsTheList() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/");
        await Expect(app.ColumnHeader("Name")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(["quarterly-report.csv", "README.txt", "sample-data.bin"], await app.NamesAsync(app.FileRows));
        await Expect(app.FileRows.Filter(new() { HasText = "sample-data.bin" }).Locator(".col-size")).ToHaveTextAsync("4.0 KB");
        await Expect(app.FileRows.Filter(new() { HasText = "README.txt" }).Locator(".col-size")).ToHaveTextAsync(Bytes());

        await app.SortButton("Size").ClickAsync();
        await Expect(app.ColumnHeader("Size")).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(app.ColumnHeader("Name")).ToHaveAttributeAsync("aria-sort", "none");
        Assert.Equal(["sample-data.bin", "quarterly-report.csv", "README.txt"], await app.NamesAsync(app.FileRows));
        await app.SortButton("Size").ClickAsync();
        await Expect(app.ColumnHeader("Size")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(["README.txt", "quarterly-report.csv", "sample-data.bin"], await app.NamesAsync(app.FileRows));
        Assert.Equal(["archive", "home", "projects", "shared"], await app.NamesAsync(app.FolderRows));
        await Expect(app.Rows.First).ToHaveClassAsync("row-folder");
        await app.SortButton("Name").ClickAsync();
        await app.SortButton("Name").ClickAsync();
        await Expect(app.ColumnHeader("Name")).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(["shared", "projects", "home", "archive"], await app.NamesAsync(app.FolderRows));

        await app.Filter.FillAsync("REPORT");
        Assert.Equal(["quarterly-report.csv"], await app.NamesAsync(app.Rows));
        await Expect(app.Summary).ToHaveTextAsync("1 of 7 items match");
        await Expect(app.Announcer).ToHaveTextAsync("1 of 7 items match");
        await app.Filter.FillAsync("no such name");
        await Expect(app.Rows).ToHaveCountAsync(0);
        await Expect(app.Page.GetByText("Nothing here matches “no such name”")).ToBeVisibleAsync();
        await app.Filter.PressAsync("Escape");
        await Expect(app.Rows).ToHaveCountAsync(7);
        await app.Filter.FillAsync("r");

        Assert.Equal(["shared", "projects", "archive", "README.txt", "quarterly-report.csv"], await app.NamesAsync(app.Rows));
    });

    [Theory]
    [InlineData("", "sample-data.bin")]
    [InlineData("shared/", "Résumé draft.txt")]
    public Task Download_File_BytesMatchTheObject(string folder, string name) => host.RunAsync(async app =>
    {
        await SignedInAsync(app, folder.Length == 0 ? "/" : $"/browse/{Uri.EscapeDataString(folder.TrimEnd('/'))}/");

        var download = await app.Page.RunAndWaitForDownloadAsync(() => app.File(name).ClickAsync());

        Assert.Equal(name, download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        var downloaded = await System.IO.File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(await ObjectBytesAsync(folder + name), downloaded);
        await Expect(app.Page.Locator("#action-error")).ToBeHiddenAsync();
    }, testName: $"{nameof(Download_File_BytesMatchTheObject)}_{name}");

    [Fact]
    public Task Download_FromTheFolderView_OneRequestOneAuditRowOneLink() => host.RunAsync(async app =>
    {
        var user = await host.CreateUserAsync("Dora Download");
        var downloadRequests = new ConcurrentQueue<string>();
        app.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/files/download?", StringComparison.Ordinal))
            {
                downloadRequests.Enqueue(request.Url);
            }
        };
        await app.OpenAsync();
        await app.SignInAsync(user);
        await app.ExpectFolderAsync("All files");

        var download = await app.Page.RunAndWaitForDownloadAsync(() => app.File("sample-data.bin").ClickAsync());

        Assert.Null(await download.FailureAsync());
        Assert.Equal(await ObjectBytesAsync("sample-data.bin"), await System.IO.File.ReadAllBytesAsync(await download.PathAsync()));
        // Each request to the route mints a link; its row is stored before the answer leaves.
        Assert.Single(downloadRequests);
        var rows = await new AuditRows(host.Settings).WaitForAsync(r => r.Exists(row => IsDownloadOf(row, user, "sample-data.bin")));
        Assert.Single(rows, row => IsDownloadOf(row, user, "sample-data.bin"));
    });

    private static bool IsDownloadOf(Azure.Data.Tables.TableEntity row, TestUser user, string key) =>
        row.GetString("Action") == "download" && row.GetString("UserId") == user.Name && row.GetString("Target") == key;

    [Fact]
    public Task Download_ServerUnreachable_OffersARetryThatDownloads() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/");
        await app.Page.RouteAsync("**/api/files/download?*", route => route.AbortAsync());
        await app.File("README.txt").ClickAsync();
        await Expect(app.ActionError).ToContainTextAsync("Couldn't download README.txt. Can't reach the FileBridge server.");
        await app.Page.UnrouteAllAsync();

        var download = await app.Page.RunAndWaitForDownloadAsync(() => app.ActionError.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync());

        Assert.Equal("README.txt", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        await Expect(app.ActionError).ToBeHiddenAsync();
        await Expect(app.File("README.txt")).ToBeFocusedAsync();
    });

    [Fact]
    public Task Browse_FolderOfAnotherUser_SaysNoAccessAndOffersAllFiles() => host.RunAsync(async app =>
    {
        var bob = await host.CreateUserAsync("Bob Builder", prefixes: "home/bob/");
        await app.OpenAsync("/browse/home/alice/");
        await app.SignInAsync(bob);

        await app.ExpectFolderAsync("alice");
        await Expect(app.BrowserError).ToContainTextAsync("You don't have access to this folder");
        await Expect(app.Rows).ToHaveCountAsync(0);
        await app.Page.GetByRole(AriaRole.Link, new() { Name = "Go to All files" }).ClickAsync();

        await app.ExpectFolderAsync("All files");
        await Expect(app.BrowserError).ToBeHiddenAsync();
        Assert.Equal(["home"], await app.NamesAsync(app.Rows));
    });

    [Fact]
    public Task NarrowScreen_Listing_FitsAndStillShowsSizesAndDates() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/home/alice/");

        var expenses = app.FileRows.Filter(new() { HasText = "expenses.csv" });
        await Expect(app.File("expenses.csv")).ToBeVisibleAsync();
        await Expect(app.ColumnHeader("Modified")).ToBeHiddenAsync();
        await Expect(expenses.Locator(".entry-meta")).ToBeVisibleAsync();
        await Expect(expenses.Locator(".entry-meta")).ToHaveTextAsync(SizeAndDate());
        await Expect(expenses.GetByText("Download", new() { Exact = true })).ToBeHiddenAsync();
        await Expect(app.AccountName).ToHaveTextAsync("Fiona Files");
        await Expect(app.SignOutButton).ToBeVisibleAsync();
        Assert.InRange(await app.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), 1, 375);
        await app.Page.SetViewportSizeAsync(320, 640);
        Assert.InRange(await app.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), 1, 320);
        Assert.True(await app.AccountName.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= 320"), "The display name is cut off.");
    }, new ViewportSize { Width = 375, Height = 740 });

    [Fact]
    public Task NarrowScreen_SortBy_OrdersByDateAndStaysInStepWithTheHeaders() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/");
        await Expect(app.SortBy).ToBeVisibleAsync();
        await Expect(app.SortBy).ToHaveValueAsync("name:ascending");

        await app.SortBy.SelectOptionAsync(new SelectOptionValue { Label = "Date modified, oldest first" });

        // The Modified column is hidden here, but its header still states the order for wider views.
        await Expect(app.Page.Locator("th[data-sort=modified]")).ToHaveAttributeAsync("aria-sort", "ascending");
        var dates = await app.FileRows.Locator("time").EvaluateAllAsync<string[]>("times => times.map(t => t.dateTime)");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        await app.SortBy.SelectOptionAsync(new SelectOptionValue { Label = "Date modified, newest first" });
        var newest = await app.FileRows.Locator("time").EvaluateAllAsync<string[]>("times => times.map(t => t.dateTime)");
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        await app.SortButton("Name").ClickAsync();
        await Expect(app.SortBy).ToHaveValueAsync("name:ascending");
        Assert.Equal(["quarterly-report.csv", "README.txt", "sample-data.bin"], await app.NamesAsync(app.FileRows));
    }, new ViewportSize { Width = 375, Height = 740 });

    private async Task SignedInAsync(AppPage app, string path)
    {
        var user = await host.CreateUserAsync("Fiona Files");
        await app.OpenAsync(path);
        await app.SignInAsync(user);
        await Expect(app.Table).ToBeVisibleAsync();
        await Expect(app.ListingArea).ToHaveAttributeAsync("aria-busy", "false");
    }

    private static async Task<byte[]> ObjectBytesAsync(string key)
    {
        using var s3 = LocalS3Admin.CreateClient();
        using var response = await s3.GetObjectAsync(TestEnvironment.Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"^\d+ bytes$")]
    private static partial Regex Bytes();

    [GeneratedRegex(@"^45 bytes · [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$")]
    private static partial Regex SizeAndDate();
}
