using FileBridge.Testing;

namespace FileBridge.Browser.Tests;

/// <summary>Each test leaves a picture of its last page in artifacts/screenshots/&lt;TestName&gt;.png.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(TestEnvironment.RepoRoot, "artifacts", "screenshots");

    /// <summary>A named picture of the page as it is now (artifacts/screenshots/states/&lt;name&gt;.png), for the docs.</summary>
    public static async Task SaveStateAsync(IPage page, string name)
    {
        var folder = Path.Combine(Folder, "states");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public static async Task SaveAsync(IPage page, string testName)
    {
        Directory.CreateDirectory(Folder);
        var fileName = string.Concat(testName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{fileName}.png"), FullPage = false });
    }
}
