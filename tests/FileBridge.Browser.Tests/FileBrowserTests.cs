using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
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

        await app.Folder("projects").ClickAsync();
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
    });

    [Fact]
    public Task LoadMore_Archive_ShowsAll1200Files() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/archive/2024/");
        await app.ExpectFolderAsync("2024");
        var firstPage = await app.FileRows.CountAsync();
        Assert.InRange(firstPage, 1, ArchiveCount - 1);
        await Expect(app.Summary).ToContainTextAsync("more available");

        var clicks = 0;
        while (await app.LoadMore.IsVisibleAsync() && clicks < ArchiveCount)
        {
            var before = await app.FileRows.CountAsync();
            await app.LoadMore.ClickAsync();
            await app.Page.WaitForFunctionAsync(
                "n => document.querySelectorAll('#listing-body tr.row-file').length > n && !document.querySelector('#load-more').disabled",
                before);
            clicks++;
        }

        await Expect(app.FileRows).ToHaveCountAsync(ArchiveCount);
        await Expect(app.LoadMore).ToBeHiddenAsync();
        await Expect(app.Summary).ToHaveTextAsync("0 folders, 1,200 files");
        Assert.Equal((int)Math.Ceiling(ArchiveCount / (double)firstPage) - 1, clicks);
        var names = await app.NamesAsync(app.FileRows);
        Assert.Equal(Enumerable.Range(1, ArchiveCount).Select(i => $"log-{i:0000}.txt"), names);
        await app.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
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
    public Task NarrowScreen_Listing_FitsWithoutSidewaysScrolling() => host.RunAsync(async app =>
    {
        await SignedInAsync(app, "/browse/home/alice/");

        await Expect(app.File("expenses.csv")).ToBeVisibleAsync();
        await Expect(app.ColumnHeader("Size")).ToBeVisibleAsync();
        await Expect(app.ColumnHeader("Modified")).ToBeHiddenAsync();
        await Expect(app.SignOutButton).ToBeVisibleAsync();
        var scrollWidth = await app.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.InRange(scrollWidth, 1, 375);
    }, new ViewportSize { Width = 375, Height = 740 });

    private async Task SignedInAsync(AppPage app, string path)
    {
        var user = await host.CreateUserAsync("Fiona Files");
        await app.OpenAsync(path);
        await app.SignInAsync(user);
        await Expect(app.Table).ToBeVisibleAsync();
        await Expect(app.Main).ToHaveAttributeAsync("aria-busy", "false");
    }

    private static async Task<byte[]> ObjectBytesAsync(string key)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = TestEnvironment.AwsServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = TestEnvironment.AwsRegion,
        };
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(TestEnvironment.AdminAccessKeyId, TestEnvironment.AdminSecretAccessKey), config);
        using var response = await s3.GetObjectAsync(TestEnvironment.Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"^\d+ bytes$")]
    private static partial Regex Bytes();
}
