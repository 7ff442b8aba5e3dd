using System.Text.Json;
using Azure.Data.Tables;
using FileBridge.Admin.Cli;
using FileBridge.Core.Audit;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Admin.Tests.Commands;

public sealed class AuditListHandlerTests
{
    private static readonly string[] Members = ["time", "action", "userId", "target", "outcome", "clientAddress", "roleSessionName", "requestId"];

    private readonly AdminTestContext _context = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Run_Json_PrintsEveryRowNewestFirstAcrossDays_WithCamelCaseColumns()
    {
        await SeedAsync();

        var result = await _context.RunAsync("audit", "list", "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var rows = Lines(result.Output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], rows.Select(r => r.GetProperty("requestId").GetString()));
        Assert.All(rows, r => Assert.Equal(Members, r.EnumerateObject().Select(p => p.Name)));
        var newest = rows[0];
        Assert.Equal(("download", "alice", "home/alice/a.txt", "302"), (newest.GetProperty("action").GetString(), newest.GetProperty("userId").GetString(), newest.GetProperty("target").GetString(), newest.GetProperty("outcome").GetString()));
        Assert.Equal(("10.0.0.1", "fb-alice"), (newest.GetProperty("clientAddress").GetString(), newest.GetProperty("roleSessionName").GetString()));
        Assert.Equal(_now.AddMinutes(-1), newest.GetProperty("time").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData(new[] { "--user", "ALICE " }, new[] { "t0", "t2", "t4" })]
    [InlineData(new[] { "--action", "sign-in" }, new[] { "t3" })]
    [InlineData(new[] { "--user", "alice", "--action", "download" }, new[] { "t0", "t4" })]
    [InlineData(new[] { "--user", "alice", "--limit", "2" }, new[] { "t0", "t2" })]
    [InlineData(new[] { "--user", "alice", "--since", "YESTERDAY" }, new[] { "t0", "t2" })]
    public async Task Run_Filters_PrintOnlyMatchingRowsNewestFirst(string[] filters, string[] expected)
    {
        await SeedAsync();
        var arguments = new[] { "audit", "list", "--json" }
            .Concat(filters.Select(f => f == "YESTERDAY" ? _now.AddDays(-1).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : f))
            .ToArray();

        var result = await _context.RunAsync(arguments);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(expected, Lines(result.Output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Run_Default_PrintsAReadableTable()
    {
        await SeedAsync();

        var result = await _context.RunAsync("audit", "list", "--user", "bob");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = Lines(result.Output);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^TIME \(UTC\)\s+ACTION\s+USER\s+TARGET\s+OUTCOME\s+CLIENT\s+ROLE SESSION\s+REQUEST$", lines[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+sign-in\s+bob\s+-\s+200\s+10.0.0.2\s+-\s+t3$", lines[1]);
    }

    [Theory]
    [InlineData("--since", "31/01/2026")]
    [InlineData("--since", "2026-02-30")]
    [InlineData("--limit", "0")]
    public async Task Run_BadFilter_IsInvalidInput(string option, string value)
    {
        var result = await _context.RunAsync("audit", "list", option, value);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCommands_EachLeaveOneAdminRow_WithTargetAndExitCode_AndNoPassword()
    {
        const string password = "admin audit passphrase 9";
        var added = await _context.RunWithInputAsync(password + "\n", "users", "add", "Dora", "--permanent");
        var missing = await _context.RunAsync("users", "disable", "nobody-here");
        await _context.RunAsync("sessions", "revoke", "dora");

        var result = await _context.RunAsync("audit", "list", "--json");

        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Equal(ExitCodes.UserNotFound, missing.ExitCode);
        var rows = Lines(result.Output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            ["admin:sessions-revoke dora exit 0", "admin:users-disable nobody-here exit 4", "admin:users-add dora exit 0 --permanent"],
            rows.Select(r => $"{r.GetProperty("action").GetString()} {r.GetProperty("target").GetString()} {r.GetProperty("outcome").GetString()}"));
        Assert.All(rows, r => Assert.Equal(Environment.UserName, r.GetProperty("userId").GetString()));
        // The listing itself is recorded once it has run.
        var after = await _context.RunAsync("audit", "list", "--action", "admin:audit-list", "--json");
        Assert.Single(Lines(after.Output));
        var everything = new List<string>();
        await foreach (var row in _context.AuditTable.QueryAsync<TableEntity>())
        {
            everything.AddRange(row.Select(column => column.Value?.ToString() ?? string.Empty));
        }

        Assert.DoesNotContain(everything, v => v.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ReadsEveryShardOfADay_AndTheUnshardedPartition_NewestFirst()
    {
        var options = Options.Create(new AuditOptions { TableName = _context.Settings["Audit:TableName"]!, Shards = 5 });
        var table = new AuditTable(new TableServiceClient(TestEnvironment.AzuriteConnectionString), options);
        var rows = Enumerable.Range(0, 12).Select(i => (new AuditEvent("list", "dana", "home/", "200", RequestId: $"r{i:D2}"), _now.AddSeconds(-i))).ToList();
        // One row at a time: each goes to the next shard (a batch would put its rows in one).
        foreach (var (auditEvent, time) in rows)
        {
            await table.WriteAsync(auditEvent, time, CancellationToken.None);
        }

        // A row from before shards existed, in the day's own partition.
        var legacy = _now.AddSeconds(-5.5);
        await _context.AuditTable.AddEntityAsync(new TableEntity(AuditTable.PartitionOf(legacy), $"{DateTimeOffset.MaxValue.UtcTicks - legacy.UtcTicks:D19}-legacy")
        {
            ["Time"] = legacy, ["Action"] = "list", ["UserId"] = "dana", ["RequestId"] = "legacy",
        });

        var partitions = new HashSet<string>();
        await foreach (var row in _context.AuditTable.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        var result = await _context.RunAsync("audit", "list", "--user", "dana", "--json");

        Assert.Equal(6, partitions.Count);
        var expected = Enumerable.Range(0, 6).Select(i => $"r{i:D2}").Append("legacy").Concat(Enumerable.Range(6, 6).Select(i => $"r{i:D2}"));
        Assert.Equal(expected, Lines(result.Output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("requestId").GetString()));
        Assert.DoesNotContain("--limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StoppedAtTheLimit_SaysSoOnStandardError_JsonLinesStayRows()
    {
        await SeedAsync();

        var limited = await _context.RunAsync("audit", "list", "--user", "alice", "--limit", "2", "--json");
        var all = await _context.RunAsync("audit", "list", "--user", "alice", "--limit", "3", "--json");

        Assert.Equal(2, Lines(limited.Output).Length);
        Assert.All(Lines(limited.Output), line => JsonDocument.Parse(line));
        Assert.Contains("--limit 2", limited.Error, StringComparison.Ordinal);
        Assert.Equal(3, Lines(all.Output).Length);
        Assert.DoesNotContain("--limit", all.Error, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        var table = new AuditTable(
            new TableServiceClient(TestEnvironment.AzuriteConnectionString),
            Options.Create(new AuditOptions { TableName = _context.Settings["Audit:TableName"]! }));
        // Written out of order: the listing's order comes from the keys, not from when rows arrived.
        await table.WriteAsync(new AuditEvent("download", "alice", "home/alice/old.txt", "302", "10.0.0.1", "fb-alice", "t4"), _now.AddDays(-3), CancellationToken.None);
        await table.WriteAsync(new AuditEvent("download", "alice", "home/alice/a.txt", "302", "10.0.0.1", "fb-alice", "t0"), _now.AddMinutes(-1), CancellationToken.None);
        await table.WriteAsync(new AuditEvent("list", "alice", "home/alice/", "200", "10.0.0.1", "fb-alice", "t2"), _now.AddDays(-1), CancellationToken.None);
        await table.WriteAsync(new AuditEvent("list", "carol", "home/", "403 forbidden_prefix", "10.0.0.3", "fb-carol", "t1"), _now.AddMinutes(-2), CancellationToken.None);
        await table.WriteAsync(new AuditEvent("sign-in", "bob", null, "200", "10.0.0.2", null, "t3"), _now.AddDays(-2), CancellationToken.None);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
