using FileBridge.Admin.Cli;
using FileBridge.Core.Login;
using FileBridge.Core.Users;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests.Commands;

public sealed class AddUserHandlerTests
{
    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_NewUser_ListShowsUserWithoutHash()
    {
        var added = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "alice", "--display-name", "Alice Liddell", "--permanent");

        var listed = await _context.RunAsync("users", "list");

        Assert.True(added.ExitCode == ExitCodes.Success, added.ToString());
        Assert.True(listed.ExitCode == ExitCodes.Success, listed.ToString());
        var row = Assert.Single(listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("alice ", StringComparison.Ordinal));
        Assert.Contains("Alice Liddell", row, StringComparison.Ordinal);
        var hash = (string)(await _context.UserRowAsync("alice"))["PasswordHash"];
        Assert.DoesNotContain(hash, listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PasswordOnStdin_StoresHashThatVerifiesAt210000Iterations()
    {
        var hashing = new PasswordHashing(Options.Create(new LoginOptions()));

        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "bob", "--permanent");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var hash = (string)(await _context.UserRowAsync("bob"))["PasswordHash"];
        Assert.Equal(PasswordCheck.Succeeded, hashing.Verify(hash, AdminTestContext.Password));
        Assert.Equal(PasswordCheck.Failed, hashing.Verify(hash, AdminTestContext.Password + "x"));
        Assert.Equal(210_000, PasswordHashing.ReadIterationCount(hash));
        Assert.DoesNotContain(AdminTestContext.Password, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MixedCaseNameWithPrefixes_StoresNormalizedRowWithPrefixesColumn()
    {
        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\r\n", "users", "add", "  Carol.Smith ", "--prefixes", "reports/;shared/", "--permanent");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var row = await _context.UserRowAsync("carol.smith");
        Assert.Equal("carol.smith", row.PartitionKey);
        Assert.Equal("reports/;shared/", row["Prefixes"]);
        Assert.Equal(false, row["Disabled"]);
        Assert.Equal("Carol.Smith", row["DisplayName"]);
        var hash = (string)row["PasswordHash"];
        Assert.Equal(PasswordCheck.Succeeded, new PasswordHashing(Options.Create(new LoginOptions())).Verify(hash, AdminTestContext.Password));
    }

    [Fact]
    public async Task Run_ExistingUser_ExitsWithUserExistsAndKeepsOldHash()
    {
        await _context.Users.AddAsync("dave", "the original password");
        var before = (string)(await _context.UserRowAsync("dave"))["PasswordHash"];

        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "Dave");

        Assert.Equal(ExitCodes.UserAlreadyExists, result.ExitCode);
        Assert.Contains("'dave' already exists", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await _context.UserRowAsync("dave"))["PasswordHash"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("short\n")]
    [InlineData("            \n")]
    [InlineData("eleven char\n")]
    [InlineData("password1234\n")]
    [InlineData("erin-harbor-lantern\n")]
    [InlineData("Ms-Erinyes-harbor\n")]
    [InlineData("filebridge-demo-2026\n")]
    public async Task Run_RefusedPermanentPassword_ExitsWithInvalidInputAndWritesNoRow(string input)
    {
        var result = await _context.RunWithInputAsync(input, "users", "add", "erin", "--display-name", "Erinyes Fury", "--permanent");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("password", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await _context.Users.Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_InvalidName_ExitsWithInvalidInput()
    {
        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "a/b");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("not a valid user name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidPrefix_ExitsWithInvalidInputAndWritesNoRow()
    {
        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "frank", "--prefixes", "../");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is not a valid prefix", result.Error, StringComparison.Ordinal);
        Assert.Null(await _context.Users.Store.FindAsync("frank", CancellationToken.None));
    }

    [Fact]
    public async Task Run_NoPrefixesAndNoDefaults_SaysTheUserSeesNothing()
    {
        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "bob");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Added user 'bob'.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Files:DefaultPrefixes is empty, so they see nothing until you run 'users set-prefixes bob <prefixes>'", result.Output, StringComparison.Ordinal);
        Assert.False((await _context.UserRowAsync("bob")).ContainsKey("Prefixes"));
    }

    [Fact]
    public async Task Run_NoPrefixesWithDefaults_SaysTheUserSeesTheDefaults()
    {
        _context.Settings["Files:DefaultPrefixes"] = "shared/;handbook";

        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "bob");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("they see Files:DefaultPrefixes: handbook/;shared/", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Star_StoresStarAndSaysEverything()
    {
        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "root", "--prefixes", "*");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("*", (await _context.UserRowAsync("root"))["Prefixes"]);
        Assert.Contains("'root' sees everything.", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proj*/")]
    [InlineData("home/${aws:username}/")]
    [InlineData("what?/")]
    [InlineData("*;shared/")]
    public async Task Run_PrefixIamWouldReadDifferently_IsRefusedAndWritesNoRow(string prefixes)
    {
        var result = await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "mallory", "--prefixes", prefixes);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("'*'", result.Error, StringComparison.Ordinal);
        Assert.Null(await _context.Users.Store.FindAsync("mallory", CancellationToken.None));
    }

    [Fact]
    public async Task Run_NewUser_HasASecurityStamp()
    {
        await _context.RunWithInputAsync(AdminTestContext.Password + "\n", "users", "add", "stamped");

        Assert.Matches("^[0-9a-f]{32}$", (string)(await _context.UserRowAsync("stamped"))["SecurityStamp"]);
    }

    [Fact]
    public async Task Run_NoName_ExitsWithUsageError()
    {
        var result = await _context.RunAsync("users", "add");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Required argument missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownSubcommand_ExitsWithUsageError()
    {
        var result = await _context.RunAsync("users", "remove", "frank");

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains("remove", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutPermanent_PrintsATemporaryPasswordOnceThatVerifiesAndExpires()
    {
        var hashing = new PasswordHashing(Options.Create(new LoginOptions()));
        var before = DateTimeOffset.UtcNow;

        var result = await _context.RunAsync("users", "add", "gina", "--display-name", "Gina Grey");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var password = Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Output, "[a-z2-9]{5}(-[a-z2-9]{5}){3,}")).Value;
        var user = (await _context.Users.Store.FindAsync("gina", CancellationToken.None))!;
        Assert.Equal(PasswordCheck.Succeeded, hashing.Verify(user.PasswordHash, password));
        Assert.True(user.IsPasswordTemporary);
        Assert.InRange(user.TemporaryPasswordExpiresAt!.Value, before.AddHours(72).AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(72).AddMinutes(1));
        Assert.False(user.NoSecondFactor);
        Assert.Matches("^[0-9a-f]{16}$", user.DeviceEpoch);
    }

    [Fact]
    public async Task Run_Json_PrintsExactlyOneObjectWithUserTemporaryPasswordAndExpiry()
    {
        _context.Settings["Login:TemporaryPasswordLifetime"] = "01:00:00";

        var result = await _context.RunAsync("users", "add", "Hugo", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["user", "temporaryPassword", "expiresAt"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("hugo", root.GetProperty("user").GetString());
        var expiresAt = root.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(58), DateTimeOffset.UtcNow.AddMinutes(61));
        var user = (await _context.Users.Store.FindAsync("hugo", CancellationToken.None))!;
        Assert.Equal(PasswordCheck.Succeeded, new PasswordHashing(Options.Create(new LoginOptions())).Verify(user.PasswordHash, root.GetProperty("temporaryPassword").GetString()!));
    }

    [Fact]
    public async Task Run_TwoUsers_GetDifferentTemporaryPasswords()
    {
        var first = await _context.RunAsync("users", "add", "ivan", "--json");
        var second = await _context.RunAsync("users", "add", "jill", "--json");

        Assert.NotEqual(
            System.Text.Json.JsonDocument.Parse(first.Output).RootElement.GetProperty("temporaryPassword").GetString(),
            System.Text.Json.JsonDocument.Parse(second.Output).RootElement.GetProperty("temporaryPassword").GetString());
    }

    [Fact]
    public async Task Run_NoSecondFactor_MarksAServiceAccountShownInListAndAudited()
    {
        var added = await _context.RunWithInputAsync("service passphrase 4 nightly jobs\n", "users", "add", "backup-bot", "--permanent", "--no-second-factor");

        var listed = await _context.RunAsync("users", "list");
        var audit = await _context.RunAsync("audit", "list", "--action", "admin:users-add", "--json");

        Assert.True(added.ExitCode == ExitCodes.Success, added.ToString());
        var user = (await _context.Users.Store.FindAsync("backup-bot", CancellationToken.None))!;
        Assert.True(user.NoSecondFactor);
        Assert.False(user.IsPasswordTemporary);
        Assert.Matches(@"(?m)^backup-bot\s.*\sset\s+no\s+0\s+0\s+exempt\s", listed.Output);
        Assert.Contains("exit 0 --permanent --no-second-factor", audit.Output, StringComparison.Ordinal);
    }
}
