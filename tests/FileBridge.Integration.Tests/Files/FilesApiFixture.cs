using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>
/// One in-process DevHost on the real local endpoint, with a whole-bucket user ('*'), a user limited to home/alice/, a user
/// granted nothing (no prefixes, no defaults) and one whose stored prefixes IAM would read as wildcards.
/// </summary>
public sealed class FilesApiFixture : IAsyncLifetime
{
    public const string Password = "files api password 1";

    public Dictionary<string, string?> Settings { get; } = TestEnvironment.BaseSettings();

    public InProcessDevHost Host { get; private set; } = null!;

    public string WholeBucketToken { get; private set; } = "";

    public string AliceToken { get; private set; } = "";

    public string NobodyToken { get; private set; } = "";

    public string MisreadToken { get; private set; } = "";

    public string OddNamesToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = InProcessDevHost.Start(Settings);
        var users = new TestUsers(Settings);
        await users.AddAsync("files-everything", Password, prefixes: "*");
        await users.AddAsync("files-alice", Password, prefixes: "home/alice/");
        await users.AddAsync("files-nobody", Password);
        // Written straight into the table, as a hand edit would: the admin tool refuses these.
        await users.AddAsync("files-misread", Password, prefixes: "home/*;shar?d/;home/${aws:username}/");
        await users.AddAsync("files-odd", Password, prefixes: "shared/odd names/");
        using var client = Host.CreateClient();
        WholeBucketToken = await ApiSession.SignInAsync(client, "files-everything", Password);
        AliceToken = await ApiSession.SignInAsync(client, "files-alice", Password);
        NobodyToken = await ApiSession.SignInAsync(client, "files-nobody", Password);
        MisreadToken = await ApiSession.SignInAsync(client, "files-misread", Password);
        OddNamesToken = await ApiSession.SignInAsync(client, "files-odd", Password);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
