using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>One DevHost on the real local endpoint, with a whole-bucket user and a user limited to home/alice/.</summary>
public sealed class FilesApiFixture : IAsyncLifetime
{
    public const string Password = "files api password 1";

    public Dictionary<string, string?> Settings { get; } = TestEnvironment.BaseSettings();

    public DevHostProcess Host { get; private set; } = null!;

    public string WholeBucketToken { get; private set; } = "";

    public string AliceToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = await DevHostProcess.StartAsync(Settings);
        var users = new TestUsers(Settings);
        await users.AddAsync("files-everything", Password);
        await users.AddAsync("files-alice", Password, prefixes: "home/alice/");
        using var client = Host.CreateClient();
        WholeBucketToken = await ApiSession.SignInAsync(client, "files-everything", Password);
        AliceToken = await ApiSession.SignInAsync(client, "files-alice", Password);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
