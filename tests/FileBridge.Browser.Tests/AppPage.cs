using System.Collections.Concurrent;

namespace FileBridge.Browser.Tests;

/// <summary>The FileBridge page as a person sees it: found by labels, roles and names, not by markup details.</summary>
public sealed class AppPage
{
    private readonly ConcurrentQueue<string> _problems = new();

    public AppPage(IPage page, BrowserHost host)
    {
        Page = page;
        Host = host;
        page.PageError += (_, error) => _problems.Enqueue($"Uncaught error: {error}");
        page.Console += (_, message) =>
        {
            // Refused API calls (401, 403, 503) are logged by the browser as failed resources: expected.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _problems.Enqueue($"Console error: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public BrowserHost Host { get; }

    /// <summary>Content-Security-Policy violations, uncaught exceptions and other console errors seen so far.</summary>
    public IReadOnlyCollection<string> PageProblems => _problems;

    // ---- sign-in ------------------------------------------------------------------------------

    public ILocator UserName => Page.GetByLabel("User name");

    public ILocator Password => Page.GetByLabel("Password", new() { Exact = true });

    public ILocator SignInButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public ILocator SignInHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" });

    public ILocator SignInError => Page.Locator("#signin-error");

    public ILocator SignInNotice => Page.Locator("#signin-notice");

    public ILocator SignOutButton => Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });

    public ILocator AccountName => Page.Locator("#account-name");

    public ILocator SignInHint => Page.Locator("#signin-hint");

    // ---- browser ------------------------------------------------------------------------------

    public ILocator FolderHeading => Page.Locator("#folder-heading");

    /// <summary>Wraps the listing; aria-busy is "false" once a folder has loaded or failed.</summary>
    public ILocator ListingArea => Page.Locator("#listing-area");

    public ILocator Announcer => Page.Locator("#announcer");

    public ILocator Breadcrumbs => Page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" });

    public ILocator Table => Page.GetByRole(AriaRole.Table);

    public ILocator Rows => Page.Locator("#listing-body tr");

    public ILocator FileRows => Page.Locator("#listing-body tr.row-file");

    public ILocator FolderRows => Page.Locator("#listing-body tr.row-folder");

    public ILocator Summary => Page.Locator("#list-summary");

    public ILocator Filter => Page.GetByLabel("Filter this folder");

    public ILocator SortBy => Page.GetByLabel("Sort by");

    public ILocator LoadMore => Page.GetByRole(AriaRole.Button, new() { Name = "Load more" });

    public ILocator LoadAll => Page.GetByRole(AriaRole.Button, new() { Name = "Load all" });

    public ILocator BrowserError => Page.Locator("#browser-error");

    public ILocator ActionError => Page.Locator("#action-error");

    public ILocator EmptyState => Page.Locator("#empty-state");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator ColumnHeader(string name) => Page.GetByRole(AriaRole.Columnheader, new() { Name = name });

    public ILocator SortButton(string name) => ColumnHeader(name).GetByRole(AriaRole.Button);

    public ILocator Folder(string name) => Page.GetByRole(AriaRole.Link, new() { Name = $"{name}, folder", Exact = true });

    public ILocator File(string name) => Page.GetByRole(AriaRole.Link, new() { Name = $"{name}, download", Exact = true });

    public ILocator Breadcrumb(string name) => Breadcrumbs.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    // ---- actions ------------------------------------------------------------------------------

    public async Task OpenAsync(string path = "/")
    {
        await Page.GotoAsync(path);
        await Expect(Page.Locator("#boot")).ToBeHiddenAsync();
    }

    /// <summary>Fills the form and presses Enter in the password field, as most people do.</summary>
    public async Task SignInAsync(TestUser user) => await SignInAsync(user.Name, user.Password);

    public async Task SignInAsync(string name, string password)
    {
        await Expect(SignInHeading).ToBeVisibleAsync();
        await UserName.FillAsync(name);
        await Password.FillAsync(password);
        await Password.PressAsync("Enter");
    }

    /// <summary>Waits until a folder has finished loading and shows the given name as its heading.</summary>
    public async Task ExpectFolderAsync(string heading)
    {
        await Expect(FolderHeading).ToHaveTextAsync(heading);
        await Expect(ListingArea).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(Page.Locator("#browser-loading")).ToBeHiddenAsync();
    }

    /// <summary>The names in the listing, top to bottom, as shown.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(ILocator rows) =>
        await rows.Locator(".entry-name").AllTextContentsAsync();

    /// <summary>What has keyboard focus, described as "tag: accessible label or text".</summary>
    public Task<string> FocusedAsync() => Page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; return `${e.tagName.toLowerCase()}: ${e.getAttribute('aria-label') ?? e.textContent.trim()}`; }");
}
