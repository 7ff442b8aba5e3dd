using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

public sealed class EnableUserHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_DisabledUser_ClearsDisabled()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, disabled: true);
        Assert.Equal(true, (await _context.UserRowAsync("alice"))["Disabled"]);

        var result = await _context.RunAsync("users", "enable", "alice");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(false, (await _context.UserRowAsync("alice"))["Disabled"]);
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFoundAndCreatesNoRow()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

        var result = await _context.RunAsync("users", "enable", "nobody");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
        Assert.Single(await _context.Users.Store.ListAsync(CancellationToken.None));
    }
}
