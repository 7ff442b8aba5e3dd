using FileBridge.Admin.Cli;

namespace FileBridge.Admin.Tests.Commands;

public sealed class SetPrefixesHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_PrefixList_WritesSemicolonSeparatedColumn()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

        var result = await _context.RunAsync("users", "set-prefixes", "alice", " reports/ ;shared/team/;");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("reports/;shared/team/", (await _context.UserRowAsync("alice"))["Prefixes"]);
        Assert.Equal(["reports/", "shared/team/"], (await _context.Users.Store.FindAsync("alice", CancellationToken.None))!.Prefixes);
    }

    [Fact]
    public async Task Run_EmptyString_ClearsPrefixesSoDefaultsApply()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", "");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(string.Empty, (await _context.UserRowAsync("alice"))["Prefixes"]);
        Assert.Null((await _context.Users.Store.FindAsync("alice", CancellationToken.None))!.Prefixes);
    }

    [Fact]
    public async Task Run_PrefixWithoutTrailingSlash_IsStoredAsAFolder()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

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
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", prefixes);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is not a valid prefix", result.Error, StringComparison.Ordinal);
        Assert.Equal("reports/", (await _context.UserRowAsync("alice"))["Prefixes"]);
    }

    [Fact]
    public async Task Run_Star_GrantsEverything()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");

        var result = await _context.RunAsync("users", "set-prefixes", "alice", "*");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("*", (await _context.UserRowAsync("alice"))["Prefixes"]);
        Assert.Contains("'alice' sees everything", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proj*/", "holds '*', '?' or '${'")]
    [InlineData("reports/;a/${aws:userid}/", "holds '*', '?' or '${'")]
    [InlineData("what?/", "holds '*', '?' or '${'")]
    [InlineData("a/*", "holds '*', '?' or '${'")]
    [InlineData("*;shared/", "'*' grants everything and must stand alone")]
    public async Task Run_PrefixIamWouldReadDifferently_IsRefusedAndKeepsTheOldValue(string prefixes, string expected)
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");
        var stampBefore = (await _context.UserRowAsync("alice"))["SecurityStamp"];

        var result = await _context.RunAsync("users", "set-prefixes", "alice", prefixes);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        var row = await _context.UserRowAsync("alice");
        Assert.Equal("reports/", row["Prefixes"]);
        Assert.Equal(stampBefore, row["SecurityStamp"]);
    }

    [Fact]
    public async Task Run_Cleared_SaysWhatTheUserWillSee()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");

        var withoutDefaults = await _context.RunAsync("users", "set-prefixes", "alice", "");
        _context.Settings["Files:DefaultPrefixes"] = "shared/";
        var withDefaults = await _context.RunAsync("users", "set-prefixes", "alice", "");

        Assert.Contains("they see nothing", withoutDefaults.Output, StringComparison.Ordinal);
        Assert.Contains("they see Files:DefaultPrefixes: shared/", withDefaults.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Change_WritesANewSecurityStamp()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password, prefixes: "reports/");
        var before = (string)(await _context.UserRowAsync("alice"))["SecurityStamp"];

        var result = await _context.RunAsync("users", "set-prefixes", "alice", "shared/");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var after = (string)(await _context.UserRowAsync("alice"))["SecurityStamp"];
        Assert.False(string.IsNullOrEmpty(before));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Run_NoSuchUser_ExitsWithUserNotFound()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);

        var result = await _context.RunAsync("users", "set-prefixes", "nobody", "reports/");

        Assert.Equal(ExitCodes.UserNotFound, result.ExitCode);
    }
}
