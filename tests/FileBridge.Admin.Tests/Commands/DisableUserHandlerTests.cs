using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

public sealed class DisableUserHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_EnabledUserWithSessions_SetsDisabledAndEndsSessions()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);
        var sessions = new TestSessions(_context);
        await sessions.AddAsync("alice", 2);
        await sessions.AddAsync("bob", 1);

        var result = await _context.RunAsync("users", "disable", "Alice");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(true, (await _context.UserRowAsync("alice"))["Disabled"]);
        Assert.Equal(0, await sessions.CountAsync("alice"));
        Assert.Equal(1, await sessions.CountAsync("bob"));
        Assert.Contains("ended 2 session", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFound()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

        var result = await _context.RunAsync("users", "disable", "nobody");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
        Assert.Contains("no user named 'nobody'", result.Error, StringComparison.Ordinal);
    }
}
