using System.Text.Json;
using FileBridge.Admin.Cli;
using FileBridge.Core.Login;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests.Commands;

public sealed class ResetPasswordHandlerTests
{
    private static readonly PasswordHashing Hashing = new(Options.Create(new LoginOptions()));

    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_LockedUserWithSessionsAndAKnownBrowser_GetsATemporaryPasswordAndAFreshStart()
    {
        await _context.Users.AddAsync("alice", "the old password of alice");
        await _context.Users.SetLockoutAsync("alice", 4, DateTimeOffset.UtcNow.AddHours(1));
        var devices = _context.DeviceBudgets();
        await devices.TryWriteAsync("alice/browser-1", LoginState.None,
            new LoginState(3, 0, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(1), default), CancellationToken.None);
        var sessions = new TestSessions(_context);
        await sessions.AddAsync("alice", 2);
        var before = (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!;

        var result = await _context.RunAsync("users", "reset-password", "alice", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var temporary = JsonDocument.Parse(result.Output).RootElement.GetProperty("temporaryPassword").GetString()!;
        var after = (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!;
        Assert.Equal(PasswordCheck.Succeeded, Hashing.Verify(after.PasswordHash, temporary));
        Assert.Equal(PasswordCheck.Failed, Hashing.Verify(after.PasswordHash, "the old password of alice"));
        Assert.True(after.IsPasswordTemporary);
        Assert.False(after.IsLockedAt(DateTimeOffset.UtcNow));
        Assert.Equal(0, after.FailedLogins);
        Assert.Equal(LoginState.None.FailedLogins, (await devices.ReadAsync("alice/browser-1", CancellationToken.None)).FailedLogins);
        Assert.Null((await devices.ReadAsync("alice/browser-1", CancellationToken.None)).LockedUntil);
        Assert.Equal(0, await sessions.CountAsync("alice"));
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.NotEqual(before.DeviceEpoch, after.DeviceEpoch);
        Assert.Contains("exit 0", (await _context.RunAsync("audit", "list", "--action", "admin:users-reset-password", "--json")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Text_PrintsThePasswordOnceAndNeverAgain()
    {
        await _context.Users.AddAsync("bob", "the old password of bob");

        var result = await _context.RunAsync("users", "reset-password", "bob");
        var audit = await _context.RunAsync("audit", "list", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var password = Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, "[a-z2-9]{5}(-[a-z2-9]{5}){3,}")).Value;
        Assert.DoesNotContain(password, audit.Output, StringComparison.Ordinal);
        await foreach (var row in _context.UsersTable.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            Assert.DoesNotContain(((IDictionary<string, object>)row).Values, value => value is string text && text.Contains(password, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFound()
    {
        var result = await _context.RunAsync("users", "reset-password", "nobody");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
        Assert.Contains("'nobody'", result.Error, StringComparison.Ordinal);
    }
}
