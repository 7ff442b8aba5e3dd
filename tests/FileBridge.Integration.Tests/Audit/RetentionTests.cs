using FileBridge.Core.Audit;
using FileBridge.Core.Sessions;
using FileBridge.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Integration.Tests.Audit;

/// <summary>The two timers' work against real Azurite, on a fake clock.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AuditRetention_RemovesRowsOlderThanRetentionDays_KeepsTheRest()
    {
        var service = new TableServiceClient(TestEnvironment.AzuriteConnectionString);
        var options = Options.Create(new AuditOptions { TableName = TestEnvironment.UniqueTableName("Audit"), RetentionDays = 400 });
        var table = new AuditTable(service, options);
        var ages = new[] { TimeSpan.FromDays(800), TimeSpan.FromDays(401), TimeSpan.FromDays(400) + TimeSpan.FromHours(1), TimeSpan.FromDays(400) - TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.Zero };
        foreach (var age in ages)
        {
            await table.WriteAsync(new AuditEvent("list", "retention-" + age.TotalHours, "home/", "200"), Now - age, CancellationToken.None);
        }

        var retention = new AuditRetention(table, options, new FakeTimeProvider(Now), NullLogger<AuditRetention>.Instance);

        var deleted = await retention.RunAsync(CancellationToken.None);

        var kept = new List<string?>();
        await foreach (var row in service.GetTableClient(options.Value.TableName).QueryAsync<TableEntity>())
        {
            kept.Add(row.GetString("UserId"));
        }

        Assert.Equal(3, deleted);
        Assert.Equal(
            new[] { TimeSpan.FromDays(400) - TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.Zero }.Select(a => "retention-" + a.TotalHours).Order(),
            kept.Order());
    }

    [Fact]
    public async Task ExpiredSessionSweep_RemovesExpiredAndIdleSessions_KeepsLiveOnes()
    {
        var service = new TableServiceClient(TestEnvironment.AzuriteConnectionString);
        var options = Options.Create(new SessionsOptions { TableName = TestEnvironment.UniqueTableName("Sessions"), IdleTimeout = TimeSpan.FromMinutes(30) });
        var store = new TableSessionStore(service, options);
        await store.CreateAsync(new SessionRecord("expired", "u1", Now.AddHours(-9), Now.AddHours(-1), Now.AddMinutes(-5)), CancellationToken.None);
        await store.CreateAsync(new SessionRecord("idle", "u2", Now.AddHours(-2), Now.AddHours(6), Now.AddMinutes(-31)), CancellationToken.None);
        await store.CreateAsync(new SessionRecord("live", "u3", Now.AddHours(-2), Now.AddHours(6), Now.AddMinutes(-29)), CancellationToken.None);
        var sweep = new ExpiredSessionSweep(service, options, new FakeTimeProvider(Now), NullLogger<ExpiredSessionSweep>.Instance);

        var deleted = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Null(await store.FindAsync("expired", CancellationToken.None));
        Assert.Null(await store.FindAsync("idle", CancellationToken.None));
        Assert.NotNull(await store.FindAsync("live", CancellationToken.None));
    }
}
