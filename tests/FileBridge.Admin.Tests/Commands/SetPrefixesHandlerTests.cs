using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

public sealed class SetPrefixesHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_PrefixList_WritesSemicolonSeparatedColumn()
    {
        await _context.Users.AddAsync("alice", "a password of alice");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", " reports/ ;shared/team/;");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("reports/;shared/team/", (await _context.UserRowAsync("alice"))["Prefixes"]);
        Assert.Equal(["reports/", "shared/team/"], (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!.Prefixes);
    }

    [Fact]
    public async Task Run_EmptyString_ClearsPrefixesSoDefaultsApply()
    {
        await _context.Users.AddAsync("alice", "a password of alice", prefixes: "reports/");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", "");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(string.Empty, (await _context.UserRowAsync("alice"))["Prefixes"]);
        Assert.Null((await _context.Users.Store.FindAsync("alice", CancellationToken.None))!.Prefixes);
    }

    [Fact]
    public async Task Run_PrefixWithoutTrailingSlash_IsStoredAsAFolder()
    {
        await _context.Users.AddAsync("alice", "a password of alice");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", "reports;reports/");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("reports/", (await _context.UserRowAsync("alice"))["Prefixes"]);
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/abs/")]
    [InlineData("reports/;home//bob/")]
    public async Task Run_InvalidPrefix_ExitsWithInvalidInputAndKeepsTheOldValue(string prefixes)
    {
        await _context.Users.AddAsync("alice", "a password of alice", prefixes: "reports/");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", prefixes);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is not a valid prefix", result.Error, StringComparison.Ordinal);
        Assert.Equal("reports/", (await _context.UserRowAsync("alice"))["Prefixes"]);
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFound()
    {
        await _context.Users.AddAsync("alice", "a password of alice");

        var result = await _context.RunAsync("users", "set-prefixes", "nobody", "reports/");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
    }
}
