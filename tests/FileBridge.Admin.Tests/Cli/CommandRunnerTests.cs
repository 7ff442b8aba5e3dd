using FileBridge.Admin.Cli;
using FileBridge.Testing;

namespace FileBridge.Admin.Tests.Cli;

public sealed class CommandRunnerTests
{
    private const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly AdminTestContext _context = new();

    [Fact]
    public async Task Run_TableUnreachable_ExitsWithUnreachableAndNoAccountKey()
    {
        _context.Settings["Users:ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteAccountKey};TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var result = await _context.RunAsync("users", "list");

        Assert.Equal(ExitCodes.TableUnreachable, result.ExitCode);
        Assert.Contains("Users:ConnectionString", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteAccountKey, result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", result.Output + result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_MissingConnectionString_ExitsWithBadSettingsNamingSetting()
    {
        _context.Settings.Remove("Users:ConnectionString");

        var result = await _context.RunAsync("users", "list");

        Assert.Equal(ExitCodes.BadSettings, result.ExitCode);
        Assert.Contains("Users:ConnectionString", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedConnectionString_ExitsWithBadSettingsWithoutEchoingIt()
    {
        _context.Settings["Users:ConnectionString"] = "AccountKey=not-a-secret-but-must-not-show;garbage";

        var result = await _context.RunAsync("users", "list");

        Assert.Equal(ExitCodes.BadSettings, result.ExitCode);
        Assert.Contains("Users:ConnectionString", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-secret", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Users:TableName", "no")]
    [InlineData("Sessions:TableName", "bad-name")]
    [InlineData("Login:PasswordHashIterations", "1000")]
    public async Task Run_MalformedSetting_ExitsWithBadSettingsNamingSetting(string setting, string value)
    {
        _context.Settings[setting] = value;

        var result = await _context.RunAsync("users", "list");

        Assert.Equal(ExitCodes.BadSettings, result.ExitCode);
        Assert.Contains(setting, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingSettingsFile_ExitsWithBadSettings()
    {
        var result = await _context.RunAsync("users", "list", "--settings", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json"));

        Assert.Equal(ExitCodes.BadSettings, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LocalSettingsFile_ReadsValuesInBothKeyStyles()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.local.settings.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "IsEncrypted": false,
              "Values": {
                "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
                "Users:ConnectionString": "{{TestEnvironment.AzuriteConnectionString}}",
                "Users__TableName": "{{_context.Settings["Users:TableName"]}}"
              }
            }
            """);
        var settings = new Dictionary<string, string?>();

        var result = await AdminTool.RunAsync(settings, null, "users", "list", "--settings", file);

        File.Delete(file);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("alice", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AppSettingsFile_OverridesEnvironment()
    {
        await _context.Users.AddAsync("alice", AdminTestContext.Password);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""{ "Users": { "TableName": "{{_context.Settings["Users:TableName"]}}" } }""");
        _context.Settings["Users:TableName"] = TestEnvironment.UniqueTableName("Empty");

        var result = await _context.RunAsync("--settings", file, "users", "list");

        File.Delete(file);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("alice", result.Output, StringComparison.Ordinal);
    }
}
