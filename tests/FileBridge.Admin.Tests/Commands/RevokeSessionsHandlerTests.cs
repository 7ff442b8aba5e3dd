using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

public sealed class RevokeSessionsHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_UserWithSessions_DeletesOnlyTheirRowsAndPrintsCount()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);
        await _context.Users.AddAsync("bob", AdminTestContext.Password);
        var sessions = new TestSessions(_context);
        await sessions.AddAsync("alice", 3);
        await sessions.AddAsync("bob", 2);

        var result = await _context.RunAsync("sessions", "revoke", "ALICE");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Ended 3 session", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, await sessions.CountAsync("alice"));
        Assert.Equal(2, await sessions.CountAsync("bob"));
        Assert.Equal(false, (await _context.UserRowAsync("alice"))["Disabled"]);
    }

    [Fact]
    public async Task Run_UserWithoutSessions_PrintsZero()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

        var result = await _context.RunAsync("sessions", "revoke", "alice");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Ended 0 session", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoSuchUserAndNoSessions_ExitsWithUserNotFound()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

        var result = await _context.RunAsync("sessions", "revoke", "nobody");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
    }
}
