using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>One DevHost with default sign-in settings and its own tables, shared by a test class.</summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    // The admin tool changes rows behind the DevHost's back: these tests expect the change at the next request, so the
    // host reads the tables on every request (the window itself is tested in-process, Sessions/TwoInstanceSessionTests).
    public Dictionary<string, string?> Settings { get; } = new(TestEnvironment.BaseSettings()) { ["Sessions:RevalidateAfter"] = "00:00:00" };

    public DevHostProcess Host { get; private set; } = null!;

    public TestUsers Users => new(Settings);

    public async Task InitializeAsync() => Host = await DevHostProcess.StartAsync(Settings);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
