using FileBridge.Admin.Cli;
using FileBridge.Core.Login;

namespace FileBridge.Admin.Tests.Commands;

public sealed class UnlockUserHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_LockedEverywhere_ClearsTheUntrustedBudgetAndEveryBrowsersButKeepsThePassword()
    {
        await _context.Users.AddAsync("alice", "the password of alice");
        await _context.Users.SetLockoutAsync("alice", 5, DateTimeOffset.UtcNow.AddHours(1));
        var devices = _context.DeviceBudgets();
        var locked = new LoginState(0, 0, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(1), default);
        await devices.TryWriteAsync("alice/browser-1", LoginState.None, locked, CancellationToken.None);
        await devices.TryWriteAsync("alice/browser-2", LoginState.None, locked, CancellationToken.None);
        await devices.TryWriteAsync("bob/browser-3", LoginState.None, locked, CancellationToken.None);
        var hashBefore = (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!.PasswordHash;

        var result = await _context.RunAsync("users", "unlock", "ALICE");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("2 known browser(s)", result.Output, StringComparison.Ordinal);
        var alice = (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!;
        Assert.False(alice.IsLockedAt(DateTimeOffset.UtcNow));
        Assert.Equal(hashBefore, alice.PasswordHash);
        Assert.Null((await devices.ReadAsync("alice/browser-1", CancellationToken.None)).LockedUntil);
        Assert.Null((await devices.ReadAsync("alice/browser-2", CancellationToken.None)).LockedUntil);
        Assert.NotNull((await devices.ReadAsync("bob/browser-3", CancellationToken.None)).LockedUntil);
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFound()
    {
        var result = await _context.RunAsync("users", "unlock", "nobody");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
    }
}
