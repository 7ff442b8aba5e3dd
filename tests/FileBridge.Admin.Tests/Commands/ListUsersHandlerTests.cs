using FileBridge.Admin.Cli;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Tests.Commands;

public sealed class ListUsersHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_SeveralUsers_PrintsOneRowEachWithColumns()
    {
        await _context.Users.AddAsync("zoe", "a password of zoe", displayName: "Zoe Z", prefixes: "reports/;shared/", disabled: true);
        await _context.Users.AddAsync("adam", "a password of adam", displayName: "Adam A");
        var lockedUntil = DateTimeOffset.UtcNow.AddHours(2);
        await _context.Users.SetLockoutAsync("adam", 5, lockedUntil);

        var result = await _context.RunAsync("users", "list");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^adam\s+Adam A\s+no\s+\(default\)\s+" + lockedUntil.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), lines[1]);
        Assert.Matches(@"^zoe\s+Zoe Z\s+yes\s+reports/;shared/\s+-$", lines[2]);
    }

    [Fact]
    public async Task Run_NoTableYet_SucceedsWithNoRows()
    {
        var result = await _context.RunAsync("users", "list");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("No users", result.Error, StringComparison.Ordinal);
    }
}
