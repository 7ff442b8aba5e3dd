using FileBridge.Testing;

namespace FileBridge.Integration.Tests.WebIdentity;

/// <summary>
/// One in-process DevHost in keyless mode (no AWS key in its settings; the token from the local issuer's file) with a user
/// who sees everything and a user limited to home/alice/.
/// </summary>
public sealed class WebIdentityFilesFixture : IAsyncLifetime
{
    public const string Password = "keyless files password 1";

    /// <summary>The <c>Prefixes</c> value of a user who may see the whole bucket: access fails closed, so it is explicit.</summary>
    public const string EverythingGrant = "*";

    public Dictionary<string, string?> Settings { get; } = TestEnvironment.WebIdentitySettings();

    public InProcessDevHost Host { get; private set; } = null!;

    public string EverythingToken { get; private set; } = "";

    public string AliceToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = InProcessDevHost.Start(Settings);
        var users = new TestUsers(Settings);
        await users.AddAsync("keyless-everything", Password, prefixes: EverythingGrant);
        await users.AddAsync("keyless-alice", Password, prefixes: "home/alice/");
        using var client = Host.CreateClient();
        EverythingToken = await ApiSession.SignInAsync(client, "keyless-everything", Password);
        AliceToken = await ApiSession.SignInAsync(client, "keyless-alice", Password);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
