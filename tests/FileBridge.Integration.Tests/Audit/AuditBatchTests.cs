using Azure.Data.Tables;
using FileBridge.Core.Audit;
using FileBridge.Testing;
using Microsoft.Extensions.Options;

namespace FileBridge.Integration.Tests.Audit;

/// <summary>How queued rows reach Azurite: whole transactions dealt to the shards in turn, days never mixed.</summary>
public sealed class AuditBatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WriteBatch_AFewRows_AreOneTransactionInOneShard()
    {
        var (table, rows) = Start(shards: 16);

        Assert.Empty(await table.WriteBatchAsync(Events(12, Now), CancellationToken.None));

        var stored = await rows.AllAsync();
        Assert.Equal(12, stored.Count);
        Assert.Single(stored.Select(r => r.PartitionKey).Distinct());
    }

    [Fact]
    public async Task WriteBatch_MoreThanATransaction_FillsTransactionsInSuccessiveShards()
    {
        var (table, rows) = Start(shards: 16);

        Assert.Empty(await table.WriteBatchAsync(Events(250, Now), CancellationToken.None));

        var perPartition = (await rows.AllAsync()).GroupBy(r => r.PartitionKey).Select(g => g.Count()).Order().ToList();
        Assert.Equal([50, 100, 100], perPartition);
    }

    [Fact]
    public async Task WriteBatch_StraddlingMidnight_KeepsEachRowInItsOwnDay()
    {
        var (table, rows) = Start(shards: 4);
        var midnight = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

        Assert.Empty(await table.WriteBatchAsync([.. Events(3, midnight.AddSeconds(-10)), .. Events(2, midnight.AddSeconds(1))], CancellationToken.None));

        var stored = await rows.AllAsync();
        Assert.All(stored, row => Assert.StartsWith(AuditTable.PartitionOf(row.GetDateTimeOffset("Time")!.Value), row.PartitionKey, StringComparison.Ordinal));
        Assert.Equal(2, stored.Select(r => r.PartitionKey).Distinct().Count());
    }

    private static (AuditTable Table, AuditRows Rows) Start(int shards)
    {
        var name = TestEnvironment.UniqueTableName("AuditBatch");
        var options = Options.Create(new AuditOptions { TableName = name, Shards = shards });
        return (new AuditTable(new TableServiceClient(TestEnvironment.AzuriteConnectionString), options), new AuditRows(TestEnvironment.AzuriteConnectionString, name));
    }

    private static List<(AuditEvent Event, DateTimeOffset Time)> Events(int count, DateTimeOffset from) =>
        Enumerable.Range(0, count).Select(i => (new AuditEvent(AuditActions.List, "batch-user", "home/", "200"), from.AddMilliseconds(i))).ToList();
}
