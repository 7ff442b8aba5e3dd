using Azure.Data.Tables;
using FileBridge.Core.Login;
using FileBridge.Testing;

namespace FileBridge.Admin.Tests;

/// <summary>One test's own Users, Sessions, attempts and Passkeys tables on the real Azurite, and the settings that point the tool at them.</summary>
public sealed class AdminTestContext
{
    public const string Password = "correct horse battery staple";

    public AdminTestContext()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Users:ConnectionString"] = TestEnvironment.AzuriteConnectionString,
            ["Users:TableName"] = TestEnvironment.UniqueTableName("T"),
            ["Sessions:TableName"] = TestEnvironment.UniqueTableName("S"),
            ["Sessions:IndexTableName"] = TestEnvironment.UniqueTableName("SI"),
            ["Audit:TableName"] = TestEnvironment.UniqueTableName("A"),
            ["Login:AttemptsTableName"] = TestEnvironment.UniqueTableName("L"),
            ["Groups:TableName"] = TestEnvironment.UniqueTableName("G"),
            ["Login:PasskeysTableName"] = TestEnvironment.UniqueTableName("P"),
        };
        var service = new TableServiceClient(TestEnvironment.AzuriteConnectionString);
        UsersTable = service.GetTableClient(Settings["Users:TableName"]);
        SessionsTable = service.GetTableClient(Settings["Sessions:TableName"]);
        AuditTable = service.GetTableClient(Settings["Audit:TableName"]);
        GroupsTable = service.GetTableClient(Settings["Groups:TableName"]);
        Users = new TestUsers(Settings);
    }

    public Dictionary<string, string?> Settings { get; }

    public TableClient UsersTable { get; }

    public TableClient SessionsTable { get; }

    public TableClient AuditTable { get; }

    public TableClient GroupsTable { get; }

    public TestUsers Users { get; }

    /// <summary>The known browsers' lockout budgets, in this test's own attempts table.</summary>
    public DeviceLoginStateStore DeviceBudgets() => new(new UnknownNameLoginStateStore(
        new TableServiceClient(TestEnvironment.AzuriteConnectionString),
        Microsoft.Extensions.Options.Options.Create(new LoginOptions { AttemptsTableName = Settings["Login:AttemptsTableName"]! }),
        TimeProvider.System));

    public Task<AdminRun> RunAsync(params string[] arguments) => AdminTool.RunAsync(Settings, input: null, arguments);

    public Task<AdminRun> RunWithInputAsync(string input, params string[] arguments) => AdminTool.RunAsync(Settings, input, arguments);

    public async Task<TableEntity> UserRowAsync(string userId) => (await UsersTable.GetEntityAsync<TableEntity>(userId, userId)).Value;

    /// <summary>The group's row, or null when there is none.</summary>
    public async Task<TableEntity?> GroupRowAsync(string groupId)
    {
        await GroupsTable.CreateIfNotExistsAsync();
        var row = await GroupsTable.GetEntityIfExistsAsync<TableEntity>(groupId, groupId);
        return row.HasValue ? row.Value : null;
    }
}
