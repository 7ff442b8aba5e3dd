using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Account;

/// <summary>One in-process DevHost with its own tables and a small <c>Sessions:MaxPerUser</c>, shared by a test class.</summary>
public sealed class AccountSessionsFixture : IAsyncLifetime
{
    public const int MaxPerUser = 3;

    public Dictionary<string, string?> Settings { get; } = new(TestEnvironment.BaseSettings())
    {
        ["Sessions:RevalidateAfter"] = "00:00:00",
        ["Sessions:MaxPerUser"] = MaxPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Right passwords checked at once count against the lockout's budget too: room for the parallel sign-ins.
        ["Login:MaxFailedAttempts"] = "50",
    };

    public InProcessDevHost Host { get; private set; } = null!;

    public TestUsers Users => new(Settings);

    public Task InitializeAsync()
    {
        Host = InProcessDevHost.Start(Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
