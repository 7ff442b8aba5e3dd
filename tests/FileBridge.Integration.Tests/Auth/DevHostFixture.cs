using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>One DevHost with default sign-in settings and its own tables, shared by a test class.</summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    public Dictionary<string, string?> Settings { get; } = TestEnvironment.BaseSettings();

    public DevHostProcess Host { get; private set; } = null!;

    public TestUsers Users => new(Settings);

    public async Task InitializeAsync() => Host = await DevHostProcess.StartAsync(Settings);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
