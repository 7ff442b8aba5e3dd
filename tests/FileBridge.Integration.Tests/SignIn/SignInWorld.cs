using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FileBridge.Core.Users;
using FileBridge.Testing;
using OtpNet;

namespace FileBridge.Integration.Tests.SignIn;

/// <summary>
/// The app in process under <c>Login:SecondFactor</c> = <c>Required</c>, against real Azurite, on a
/// <see cref="TestClock"/> so that authenticator codes and windows move when a test says so.
/// </summary>
internal sealed class SignInWorld : IAsyncDisposable
{
    public const string Password = "quiet-meadow-lantern-42";
    public const string NewPassword = "river-copper-orchard-17";
    public const int MaxFailedAttempts = 5;

    private SignInWorld(Dictionary<string, string?> settings, InProcessDevHost host, TestClock clock)
    {
        Settings = settings;
        Host = host;
        Clock = clock;
        Users = new TestUsers(settings);
    }

    public Dictionary<string, string?> Settings { get; }

    public InProcessDevHost Host { get; }

    public TestClock Clock { get; }

    public TestUsers Users { get; }

    public static SignInWorld Start(string policy = "Required", Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Login:SecondFactor"] = policy;
        settings["Login:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Login:DeviceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        configure?.Invoke(settings);
        var clock = new TestClock();
        return new SignInWorld(settings, InProcessDevHost.Start(settings, clock), clock);
    }

    public CookieBrowser Browser() => new(Host.CreateClient());

    /// <summary>A person whose password is a temporary one, as <c>users add</c> makes them.</summary>
    public async Task AddTemporaryAsync(string name)
    {
        await Users.AddAsync(name, Password);
        await Users.Store.UpdateAsync(name, new UserChange(
            PasswordHash: TestUsers.Hash(Password), TemporaryPasswordExpiresAt: Clock.GetUtcNow().AddHours(1)), CancellationToken.None);
    }

    /// <summary>
    /// The first sign-in of a person with a temporary password: change it, enrol an authenticator app, confirm with a
    /// first code. Returns the browser (signed in, with its device cookie), the secret and the recovery codes.
    /// </summary>
    public async Task<(CookieBrowser Browser, byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrolTotpAsync(string name)
    {
        await AddTemporaryAsync(name);
        var browser = Browser();
        await ExpectStepAsync(await browser.LoginAsync(name, Password), "change-password");
        await ExpectStepAsync(await browser.PostAsync("api/account/password", new { currentPassword = Password, newPassword = NewPassword }), "enroll");
        using var started = await browser.PostAsync("api/account/totp");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var secret = Base32Encoding.ToBytes((await CookieBrowser.JsonAsync(started)).GetProperty("secret").GetString()!);
        using var confirmed = await browser.PostAsync("api/account/totp/confirm", new { code = CodeAt(secret, Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await CookieBrowser.JsonAsync(confirmed)).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        // The first code's step is used up: the next sign-in needs the next step's code.
        Clock.Advance(TimeSpan.FromSeconds(30));
        return (browser, secret, codes);
    }

    public static string CodeAt(byte[] secret, DateTimeOffset time) => new Totp(secret).ComputeTotp(time.UtcDateTime);

    public string CurrentCode(byte[] secret) => CodeAt(secret, Clock.GetUtcNow());

    /// <summary>Asserts a 202 naming <paramref name="next"/> with a pending cookie; returns the body.</summary>
    public static async Task<JsonElement> ExpectStepAsync(HttpResponseMessage response, string next)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202 {next}, got {(int)response.StatusCode}: {text}");
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieBrowser.Pending + "=", StringComparison.Ordinal));
            var body = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(next, body.GetProperty("next").GetString());
            Assert.True(body.TryGetProperty("expiresAt", out _));
            return body;
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
