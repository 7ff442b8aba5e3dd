using FileBridge.Admin.Cli;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Tests.Commands;

public sealed class ListUsersHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_SeveralUsers_PrintsOneRowEachWithColumns()
    {
        await _context.Users.AddAsync("zoe", AdminTestContext.Password, displayName: "Zoe Z", prefixes: "reports/;shared/", disabled: true);
        await _context.Users.AddAsync("adam", AdminTestContext.Password, displayName: "Adam A");
        var lockedUntil = DateTimeOffset.UtcNow.AddHours(2);
        await _context.Users.SetLockoutAsync("adam", 5, lockedUntil);

        var result = await _context.RunAsync("users", "list");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^adam\s+Adam A\s+no\s+\(default\)\s+" + lockedUntil.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + @".*\s+none$", lines[1]);
        Assert.Matches(@"^zoe\s+Zoe Z\s+yes\s+reports/;shared/\s+-\s+set\s+no\s+0\s+0\s+-\s+own: reports/;shared/$", lines[2]);
    }

    [Fact]
    public async Task Run_FactorsAndServiceAccounts_ShowsTotpPasskeysCodesLeftAndTheMark()
    {
        await _context.Users.AddAsync("ada", AdminTestContext.Password);
        await _context.Users.AddAsync("bea", AdminTestContext.Password);
        var factors = new TestFactors(_context);
        await factors.AddAsync("ada", totp: true, passkeys: 2, recoveryCodes: 7);
        await factors.AddAsync("bea", totp: false, passkeys: 1, recoveryCodes: 10);
        var service = await _context.RunWithInputAsync("nightly jobs passphrase 4 archives\n", "users", "add", "backup-bot", "--permanent", "--no-second-factor");
        Assert.True(service.ExitCode == ExitCodes.Success, service.ToString());

        var result = await _context.RunAsync("users", "list");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Matches(@"(?m)^NAME\s.*\sPASSWORD\s+TOTP\s+PASSKEYS\s+CODES LEFT\s+SECOND FACTOR\s+ACCESS\s*$", result.Output);
        Assert.Matches(@"(?m)^ada\s.*\sset\s+yes\s+2\s+7\s+-\s+none\s*$", result.Output);
        Assert.Matches(@"(?m)^bea\s.*\sset\s+no\s+1\s+10\s+-\s+none\s*$", result.Output);
        Assert.Matches(@"(?m)^backup-bot\s.*\sset\s+no\s+0\s+0\s+exempt\s+none\s*$", result.Output);
        Assert.DoesNotContain("an encrypted secret", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hash-", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EffectiveAccess_NamesOwnDefaultOrNone()
    {
        await _context.Users.AddAsync("ann", AdminTestContext.Password, prefixes: "*");
        await _context.Users.AddAsync("ben", AdminTestContext.Password);
        await _context.Users.AddAsync("cat", AdminTestContext.Password, prefixes: "reports/");
        await _context.Users.AddAsync("dan", AdminTestContext.Password, prefixes: "proj*/");

        var withoutDefaults = await _context.RunAsync("users", "list");
        _context.Settings["Files:DefaultPrefixes"] = "shared/";
        var withDefaults = await _context.RunAsync("users", "list");

        Assert.True(withoutDefaults.ExitCode == ExitCodes.Success, withoutDefaults.ToString());
        Assert.Matches(@"(?m)^ann\s.*\sown: everything\s*$", withoutDefaults.Output);
        Assert.Matches(@"(?m)^ben\s.*\snone\s*$", withoutDefaults.Output);
        Assert.Matches(@"(?m)^cat\s.*\sown: reports/\s*$", withoutDefaults.Output);
        Assert.Matches(@"(?m)^dan\s.*\snone\s*$", withoutDefaults.Output);
        Assert.Matches(@"(?m)^ben\s.*\sdefault: shared/\s*$", withDefaults.Output);
        Assert.Matches(@"(?m)^cat\s.*\sown: reports/\s*$", withDefaults.Output);
        Assert.DoesNotContain("SecurityStamp", withDefaults.Output, StringComparison.Ordinal);
        var stamp = (string)(await _context.UserRowAsync("ben"))["SecurityStamp"];
        Assert.DoesNotContain(stamp, withDefaults.Output, StringComparison.Ordinal);
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
