using Azure.Data.Tables;
using FileBridge.Admin.Cli;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests.Commands;

public sealed class RevokeAllSessionsHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_AllYes_EveryExistingSessionIsDeadWithoutDeletingAnything_NewOnesLive()
    {
        var store = Store();
        var alice = await CreateAsync(store, "alice");
        var bob = await CreateAsync(store, "bob");

        var result = await _context.RunAsync("sessions", "revoke", "--all", "--yes");
        var later = await CreateAsync(Store(), "alice");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var fresh = Store();
        Assert.Null(await fresh.FindAsync(alice, CancellationToken.None));
        Assert.Null(await fresh.FindAsync(bob, CancellationToken.None));
        Assert.NotNull(await fresh.FindAsync(later, CancellationToken.None));
        Assert.Equal(1, await new TestSessions(_context).CountAsync("bob"));
        Assert.Contains("exit 0 --all", (await _context.RunAsync("audit", "list", "--action", "admin:sessions-revoke", "--json")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AllWithoutYes_RevokesNothing()
    {
        var store = Store();
        var alice = await CreateAsync(store, "alice");

        var result = await _context.RunAsync("sessions", "revoke", "--all");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--yes", result.Error, StringComparison.Ordinal);
        Assert.NotNull(await Store().FindAsync(alice, CancellationToken.None));
    }

    [Fact]
    public async Task Run_NeitherNameNorAll_IsRefused()
    {
        var result = await _context.RunAsync("sessions", "revoke");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    private TableSessionStore Store() => new(
        new TableServiceClient(TestEnvironment.AzuriteConnectionString),
        Options.Create(new SessionsOptions { TableName = _context.Settings["Sessions:TableName"]! }));

    private static async Task<string> CreateAsync(TableSessionStore store, string userId)
    {
        var now = DateTimeOffset.UtcNow;
        var hash = SessionToken.HashOf(SessionToken.Create());
        await store.CreateAsync(new SessionRecord(hash, userId, now, now.AddHours(8), now), CancellationToken.None);
        return hash;
    }
}
