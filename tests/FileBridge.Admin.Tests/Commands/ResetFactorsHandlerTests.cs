using System.Text.Json;
using FileBridge.Admin.Cli;
using FileBridge.Core.Login;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests.Commands;

public sealed class ResetFactorsHandlerTests
{
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));

    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_PersonWithEveryFactorSessionsAndLocks_LosesTheFactorsAndStartsAfresh()
    {
        await _context.Users.AddAsync("alice", "the old password of alice");
        var factors = new TestFactors(_context);
        var handle = await factors.AddAsync("alice", totp: true, passkeys: 2, recoveryCodes: 10);
        await _context.Users.SetLockoutAsync("alice", 4, DateTimeOffset.UtcNow.AddHours(1));
        var devices = _context.DeviceBudgets();
        await devices.TryWriteAsync("alice/browser-1", LoginState.None,
            new LoginState(3, 0, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(1), default), CancellationToken.None);
        var sessions = new TestSessions(_context);
        await sessions.AddAsync("alice", 2);
        var before = (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!;

        var result = await _context.RunAsync("users", "reset-factors", "alice", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(["user", "temporaryPassword", "expiresAt"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("alice", json.GetProperty("user").GetString());
        var after = (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!;
        Assert.Equal(PasswordCheck.Succeeded, Hashing.Verify(after.PasswordHash, json.GetProperty("temporaryPassword").GetString()!));
        Assert.True(after.IsPasswordTemporary);
        var left = await factors.ReadAsync("alice");
        Assert.False(left.HasTotp);
        Assert.Null(left.TotpPendingSecret);
        Assert.Empty(left.RecoveryCodeHashes);
        Assert.Null(left.PasskeyUserHandle);
        Assert.Empty(await factors.Passkeys.ListAsync(handle, CancellationToken.None));
        // A new stamp ends every session and pending sign-in step; a new epoch forgets every known browser.
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.NotEqual(before.DeviceEpoch, after.DeviceEpoch);
        Assert.Equal(0, await sessions.CountAsync("alice"));
        Assert.False(after.IsLockedAt(DateTimeOffset.UtcNow));
        Assert.Equal(0, after.FailedLogins);
        Assert.Null((await devices.ReadAsync("alice/browser-1", CancellationToken.None)).LockedUntil);
        Assert.Contains("TOTP yes, 2 passkey(s), 10 recovery code(s)", result.Error, StringComparison.Ordinal);
        var audit = await _context.RunAsync("audit", "list", "--action", "admin:users-reset-factors", "--json");
        var row = JsonDocument.Parse(Assert.Single(audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal("alice", row.GetProperty("target").GetString());
        Assert.StartsWith("exit 0", row.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(json.GetProperty("temporaryPassword").GetString()!, audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Text_PrintsTheTemporaryPasswordOnce()
    {
        await _context.Users.AddAsync("bob", "the old password of bob");

        var result = await _context.RunAsync("users", "reset-factors", "bob");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("removed TOTP no, 0 passkey(s), 0 recovery code(s)", result.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, "[a-z2-9]{5}(-[a-z2-9]{5}){3,}"));
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFoundAndCreatesNothing()
    {
        var result = await _context.RunAsync("users", "reset-factors", "nobody");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
        Assert.Contains("'nobody'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
