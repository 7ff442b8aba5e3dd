using Azure.Data.Tables;
using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

/// <summary>Every admin change that must end sessions writes a new security stamp, also on rows written before stamps existed.</summary>
public sealed class SecurityStampTests
{
    private readonly AdminTestContext _context = new();

    [Theory]
    [InlineData("users", "disable", "alice")]
    [InlineData("users", "set-prefixes", "alice", "shared/")]
    [InlineData("users", "set-prefixes", "alice", "")]
    [InlineData("sessions", "revoke", "alice")]
    public async Task Run_ChangeThatEndsSessions_WritesANewStamp(params string[] command)
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");
        var before = await StampAsync();

        var result = await _context.RunAsync(command);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.NotEqual(before, await StampAsync());
    }

    [Fact]
    public async Task Run_Enable_WritesANewStamp()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, disabled: true);
        var before = await StampAsync();

        var result = await _context.RunAsync("users", "enable", "alice");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.NotEqual(before, await StampAsync());
    }

    [Fact]
    public async Task Run_SetPassword_WritesANewStamp()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);
        var before = await StampAsync();

        var result = await _context.RunWithInputAsync("a brand new password\n", "users", "set-password", "alice", "--permanent");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.NotEqual(before, await StampAsync());
    }

    [Fact]
    public async Task Run_RowWrittenBeforeStamps_GetsOneOnItsNextChange()
    {
        await _context.UsersTable.CreateIfNotExistsAsync();
        await _context.UsersTable.AddEntityAsync(new TableEntity("old", "old")
        {
            ["PasswordHash"] = FileBridge.Testing.TestUsers.Hash(AdminTestContext.Password),
            ["DisplayName"] = "Old Row",
            ["Disabled"] = false,
        });

        var listed = await _context.RunAsync("users", "list");
        var revoked = await _context.RunAsync("sessions", "revoke", "old");

        Assert.True(listed.ExitCode == ExitCodes.Success, listed.ToString());
        Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.ToString());
        Assert.Matches("^[0-9a-f]{32}$", (string)(await _context.UserRowAsync("old"))["SecurityStamp"]);
    }

    private async Task<string> StampAsync() => (string)(await _context.UserRowAsync("alice"))["SecurityStamp"];
}
