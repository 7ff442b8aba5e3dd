using FileBridge.Admin.Cli;
using FileBridge.Core.Login;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests.Commands;

public sealed class SetPasswordHandlerTests
{
    private readonly AdminTestContext _context = new();
    private readonly PasswordHashing _hashing = new(Options.Create(new LoginOptions()));

    [Fact]
    public async Task Run_LockedOutUser_ReplacesHashAndResetsLockout()
    {
        await _context.Users.AddAsync("alice", "the old password of alice");
        await _context.Users.SetLockoutAsync("alice", 5, DateTimeOffset.UtcNow.AddHours(1));
        var sessions = new TestSessions(_context);
        await sessions.AddAsync("alice", 1);

        var result = await _context.RunWithInputAsync("the new password of hers\n", "users", "set-password", "alice", "--permanent");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var row = await _context.UserRowAsync("alice");
        var hash = (string)row["PasswordHash"];
        Assert.Equal(PasswordCheck.Succeeded, _hashing.Verify(hash, "the new password of hers"));
        Assert.Equal(PasswordCheck.Failed, _hashing.Verify(hash, "the old password of alice"));
        Assert.Equal(0, row["FailedLogins"]);
        Assert.True(row.GetDateTimeOffset("LockedUntil") <= DateTimeOffset.UtcNow, "LockedUntil must lie in the past");
        Assert.False((await _context.Users.Store.FindAsync("alice", CancellationToken.None))!.IsLockedAt(DateTimeOffset.UtcNow));
        Assert.Equal(0, await sessions.CountAsync("alice"));
        Assert.DoesNotContain("the new password", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TooShortPassword_KeepsOldHash()
    {
        await _context.Users.AddAsync("alice", "the old password of alice");
        var before = (string)(await _context.UserRowAsync("alice"))["PasswordHash"];

        var result = await _context.RunWithInputAsync("tiny\n", "users", "set-password", "alice", "--permanent");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("at least 12 characters", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _context.UserRowAsync("alice"))["PasswordHash"]);
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFoundAndCreatesNoRow()
    {
        await _context.Users.AddAsync("alice", "the old password of alice");

        var result = await _context.RunWithInputAsync("a perfectly long password\n", "users", "set-password", "nobody", "--permanent");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
        Assert.Contains("'nobody'", result.Error, StringComparison.Ordinal);
        Assert.Single(await _context.Users.Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_WithoutPermanent_ExitsTwoAndPointsToResetPassword()
    {
        await _context.Users.AddAsync("alice", "the old password of alice");
        var before = (string)(await _context.UserRowAsync("alice"))["PasswordHash"];

        var result = await _context.RunWithInputAsync("a perfectly long password\n", "users", "set-password", "alice");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reset-password", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _context.UserRowAsync("alice"))["PasswordHash"]);
    }

    [Theory]
    [InlineData("filebridge-demo-2026", "contains_name")]
    [InlineData("my-Alice-harbor-2026", "contains_name")]
    [InlineData("qwerty123456", "common")]
    public async Task Run_PermanentPasswordThePolicyRefuses_ExitsWithInvalidInputAndKeepsOldHash(string password, string reason)
    {
        await _context.Users.AddAsync("alice", "the old password of alice");
        var before = (string)(await _context.UserRowAsync("alice"))["PasswordHash"];

        var result = await _context.RunWithInputAsync(password + "\n", "users", "set-password", "alice", "--permanent");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _context.UserRowAsync("alice"))["PasswordHash"]);
    }
}
