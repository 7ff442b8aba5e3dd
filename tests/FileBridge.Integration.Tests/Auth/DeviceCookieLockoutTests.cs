using System.Security.Cryptography;
using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Login;
using FileBridge.Core.Login.Devices;
using FileBridge.Core.Users;
using FileBridge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>
/// Lockout v3 as an attacker meets it, against real Azurite: guesses sent from anywhere without alice's device cookie
/// (or with a forged one, or with somebody else's) lock only her untrusted budget, never the browser she signed in on.
/// The app's own sign-in service with its real stores; the twenty addresses are twenty parallel senders (the
/// per-address limit belongs to the HTTP pipeline and would only slow them).
/// </summary>
public sealed class DeviceCookieLockoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const int MaxFailedAttempts = 5;
    private const int Addresses = 20;
    private const int GuessesPerAddress = 10;

    private readonly Dictionary<string, string?> _settings = TestEnvironment.BaseSettings();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _settings["Login:DeviceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _settings["Throttle:ConcurrentPasswordChecks"] = "4";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddLogging();
        builder.AddFileBridgeSessions();
        _host = builder.Build();
        await _host.StartAsync();
        var users = new TestUsers(_settings);
        await users.AddAsync("alice", Password);
        await users.AddAsync("bob", Password);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task TwoHundredGuessesFromTwentyAddresses_AliceOnHerOwnBrowserStillSignsIn()
    {
        var cookie = await SignInAsync("alice", device: null);
        var checksBefore = Gate.ChecksRun;

        var answers = await GuessAsync("alice", deviceCookie: null);

        var checkedByAttacker = Gate.ChecksRun - checksBefore;
        output.WriteLine($"{Addresses * GuessesPerAddress} guesses: {checkedByAttacker} passwords checked; answers "
            + string.Join(", ", answers.GroupBy(a => a.GetType().Name).Select(g => $"{g.Key} x{g.Count()}")));
        Assert.DoesNotContain(answers, a => a is LoginOutcome.SignedIn);
        Assert.InRange(checkedByAttacker, 1, MaxFailedAttempts);
        Assert.IsType<LoginOutcome.LockedOut>(await Login.LoginAsync("alice", Password, CancellationToken.None));
        var own = Assert.IsType<LoginOutcome.SignedIn>(await Login.LoginAsync("alice", Password, cookie, CancellationToken.None));
        Assert.Equal(Cookies.Validate(cookie)!.DeviceId, Cookies.Validate(own.DeviceCookie)!.DeviceId);
    }

    [Fact]
    public async Task GuessesWithAForgedCookie_GainNothing()
    {
        var cookie = await SignInAsync("alice", device: null);
        var forger = new DeviceCookies(new DeviceKeySource(RandomNumberGenerator.GetBytes(32)), TimeProvider.System);
        var forged = forger.Issue("alice", (await Users.FindAsync("alice", CancellationToken.None))!.DeviceEpoch).Value;
        var checksBefore = Gate.ChecksRun;

        var answers = await GuessAsync("alice", forged);

        Assert.DoesNotContain(answers, a => a is LoginOutcome.SignedIn);
        Assert.InRange(Gate.ChecksRun - checksBefore, 1, MaxFailedAttempts);
        // The forged cookie counted in the untrusted budget: the right password with it is locked out like any stranger.
        Assert.IsType<LoginOutcome.LockedOut>(await Login.LoginAsync("alice", Password, forged, CancellationToken.None));
        Assert.IsType<LoginOutcome.SignedIn>(await Login.LoginAsync("alice", Password, cookie, CancellationToken.None));
    }

    [Fact]
    public async Task GuessesWithAnotherPersonsCookie_GainNothing()
    {
        var alices = await SignInAsync("alice", device: null);
        var bobs = await SignInAsync("bob", device: null);
        var checksBefore = Gate.ChecksRun;

        var answers = await GuessAsync("alice", bobs);

        Assert.DoesNotContain(answers, a => a is LoginOutcome.SignedIn);
        Assert.InRange(Gate.ChecksRun - checksBefore, 1, MaxFailedAttempts);
        Assert.IsType<LoginOutcome.LockedOut>(await Login.LoginAsync("alice", Password, bobs, CancellationToken.None));
        Assert.IsType<LoginOutcome.SignedIn>(await Login.LoginAsync("alice", Password, alices, CancellationToken.None));
        Assert.IsType<LoginOutcome.SignedIn>(await Login.LoginAsync("bob", Password, bobs, CancellationToken.None));
    }

    [Fact]
    public async Task AfterAPasswordReset_TheOldCookieIsNoKnownBrowser()
    {
        var cookie = await SignInAsync("alice", device: null);
        await Users.UpdateAsync("alice", new UserChange(NewDeviceEpoch: true), CancellationToken.None);

        await GuessAsync("alice", deviceCookie: null);

        Assert.IsType<LoginOutcome.LockedOut>(await Login.LoginAsync("alice", Password, cookie, CancellationToken.None));
    }

    private LoginService Login => _host.Services.GetRequiredService<LoginService>();

    private PasswordCheckGate Gate => _host.Services.GetRequiredService<PasswordCheckGate>();

    private DeviceCookies Cookies => _host.Services.GetRequiredService<DeviceCookies>();

    private IUserStore Users => _host.Services.GetRequiredService<IUserStore>();

    private async Task<string> SignInAsync(string name, string? device)
    {
        var signedIn = Assert.IsType<LoginOutcome.SignedIn>(await Login.LoginAsync(name, Password, device, CancellationToken.None));
        return signedIn.DeviceCookie!;
    }

    /// <summary>Twenty senders at once, each sending its ten wrong passwords one after another.</summary>
    private async Task<LoginOutcome[]> GuessAsync(string name, string? deviceCookie)
    {
        var perAddress = await Task.WhenAll(Enumerable.Range(0, Addresses).Select(address => Task.Run(async () =>
        {
            var answers = new List<LoginOutcome>();
            for (var i = 0; i < GuessesPerAddress; i++)
            {
                answers.Add(await Login.LoginAsync(name, $"guess {address}-{i}", deviceCookie, CancellationToken.None));
            }

            return answers;
        })));
        return [.. perAddress.SelectMany(a => a)];
    }
}
