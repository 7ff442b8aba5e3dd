namespace FileBridge.Browser.Tests;

/// <summary>Debian's Chromium, headless: Playwright's own browser downloads are not available here.</summary>
internal static class Chromium
{
    private const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("FILEBRIDGE_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}: apt-get install -y --no-install-recommends chromium (or set FILEBRIDGE_CHROMIUM).");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }
}
