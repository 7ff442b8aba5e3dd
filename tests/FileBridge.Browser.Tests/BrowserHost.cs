using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Browser.Tests;

/// <summary>
/// One DevHost (real Azurite, real local S3/STS endpoint, fresh tables), in the test process on Kestrel at a
/// free loopback port, serving the API and the web page on one origin, plus one headless Chromium. Each test
/// gets its own browser context, so cookies never leak.
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    private int _userCount;
    private InProcessDevHost? _devHost;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestUsers? _users;
    private Dictionary<string, string?> _settings = [];

    public Uri BaseAddress => DevHost.BaseAddress;

    /// <summary>The same server by the name <c>localhost</c>, the passkey relying party id on loopback.</summary>
    public Uri LocalhostAddress => new UriBuilder(BaseAddress) { Host = "localhost" }.Uri;

    public InProcessDevHost DevHost => _devHost ?? throw new InvalidOperationException("The host has not started.");

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        _settings = TestEnvironment.BaseSettings();
        // Revocations come from outside the host (the admin tool's store): seen at the next request, not within the window.
        _settings["Sessions:RevalidateAfter"] = "00:00:00";
        Configure(_settings);
        _users = new TestUsers(_settings);
        _devHost = InProcessDevHost.StartOnKestrel(_settings, Time);
        // Expectations poll until they hold; on a two-core machine shared by parallel builds a first listing can take
        // longer than Playwright's 5 s default, so they get the same 15 s as actions (see RunAsync).
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_devHost is not null)
        {
            await _devHost.DisposeAsync();
        }
    }

    /// <summary>The app's clock: the system's unless a host needs to move time itself.</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>Settings that differ from the defaults for this host (e.g. three locations).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>A user of this test alone, so failed sign-ins or revoked sessions never touch another test.</summary>
    /// <param name="displayName">Shown in the page; its first word starts the user name.</param>
    /// <param name="prefixes">The user's grant: the whole bucket unless given; "" grants nothing (access fails closed).</param>
    public async Task<TestUser> CreateUserAsync(string displayName, string? prefixes = "*")
    {
        var name = $"{displayName.Split(' ')[0].ToLowerInvariant()}{Interlocked.Increment(ref _userCount)}";
        var password = $"pw-{Guid.NewGuid():N}";
        await _users!.AddAsync(name, password, displayName, prefixes);
        return new TestUser(name, password, displayName);
    }

    /// <summary>Ends every session of a user on the server, as `sessions revoke` would.</summary>
    public Task<int> RevokeSessionsAsync(TestUser user) => SessionTables.EndAllForUserAsync(_settings, user.Name);

    /// <summary>
    /// Runs a test in a fresh browser context, saves a screenshot of its last page whatever happens, and
    /// fails it when the page broke its Content-Security-Policy or threw.
    /// </summary>
    /// <param name="onLocalhost">Opens the page at http://localhost:PORT rather than the loopback address: WebAuthn needs a host name as its relying party id.</param>
    public async Task RunAsync(Func<AppPage, Task> test, ViewportSize? viewport = null, [CallerMemberName] string testName = "", bool onLocalhost = false)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = onLocalhost ? LocalhostAddress.ToString() : BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "UTC",
            AcceptDownloads = true,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var app = new AppPage(page, this);
        try
        {
            await test(app);
        }
        finally
        {
            await Screenshots.SaveAsync(page, testName);
        }

        Assert.Empty(app.PageProblems);
    }
}

/// <summary>The DevHost for session-expiry tests: its clock moves only when a test moves it.</summary>
public sealed class FakeClockHost : BrowserHost
{
    public TestClock Clock { get; } = new();

    protected override TimeProvider? Time => Clock;
}

/// <summary>The DevHost with three locations (demo, logs, alpha): see <see cref="TestEnvironment.LocationSettings"/>.</summary>
public sealed class LocationsHost : BrowserHost
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var (name, value) in TestEnvironment.LocationSettings().Where(s => s.Key.StartsWith("Files:", StringComparison.Ordinal)))
        {
            settings[name] = value;
        }
    }
}

public sealed record TestUser(string Name, string Password, string DisplayName);

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "Browser";
}
