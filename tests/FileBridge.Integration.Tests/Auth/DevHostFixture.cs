using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Auth;

/// <summary>One in-process DevHost with default sign-in settings and its own tables, shared by a test class.</summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    // The admin tool changes rows behind the DevHost's back: these tests expect the change at the next request, so the
    // host reads the tables on every request (the window itself is tested in-process, Sessions/TwoInstanceSessionTests).
    public Dictionary<string, string?> Settings { get; } = WithPasswordCheckLog(new(TestEnvironment.BaseSettings()) { ["Sessions:RevalidateAfter"] = "00:00:00" });

    public InProcessDevHost Host { get; private set; } = null!;

    public TestUsers Users => new(Settings);

    /// <summary>Password checks the host ran so far (each logs a line at Debug).</summary>
    public int PasswordChecks => ParallelGuessTests.PasswordChecks(Host);

    public Task InitializeAsync()
    {
        Host = InProcessDevHost.Start(Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static Dictionary<string, string?> WithPasswordCheckLog(Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:FileBridge.Core.Login.PasswordCheckGate"] = "Debug";
        return settings;
    }
}
