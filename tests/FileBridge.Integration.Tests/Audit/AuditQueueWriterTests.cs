using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FileBridge.Core.Audit;
using FileBridge.Core.DependencyInjection;
using FileBridge.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Integration.Tests.Audit;

/// <summary>
/// The queue writer as the app registers it, against Azurite, with the gathering handed in through DI: what gathered
/// goes out as one write, and the gathering runs in real time while the app's clock stands still.
/// </summary>
public sealed class AuditQueueWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Gathering_RowsQueuedTogether_AreOneTransaction_WhileTheAppClockStandsStill()
    {
        var transactions = new TransactionCounter();
        using var host = Build(new AuditGathering(TimeSpan.FromMilliseconds(10)), transactions, out var trail, out var rows);
        for (var i = 0; i < 30; i++)
        {
            trail.Post(new AuditEvent(AuditActions.List, "writer-user", "home/", "200"));
        }

        await host.StartAsync();
        var stored = await rows.WaitForAsync(r => r.Count >= 30);
        await host.StopAsync();

        Assert.Equal(30, stored.Count);
        Assert.Equal(1, transactions.Count);
        Assert.All(stored, row => Assert.Equal(Noon, row.GetDateTimeOffset("Time")));
    }

    [Fact]
    public async Task Stop_BeforeTheLoopEverRan_StillWritesEveryQueuedRow()
    {
        // A host stopped right after starting can cancel the writer's loop before it runs: stop the writer without
        // starting it, the same situation made certain.
        using var host = Build(new AuditGathering(TimeSpan.FromMilliseconds(10)), new TransactionCounter(), out var trail, out var rows);
        var writer = host.Services.GetServices<IHostedService>().OfType<AuditQueueWriter>().Single();
        for (var i = 0; i < 30; i++)
        {
            trail.Post(new AuditEvent(AuditActions.List, "writer-stop", "home/", "200"));
        }

        await writer.StopAsync(CancellationToken.None);

        var stored = await rows.WaitForAsync(r => r.Count >= 30, TimeSpan.FromSeconds(2));
        Assert.Equal(30, stored.Count);
    }

    private static IHost Build(AuditGathering gathering, TransactionCounter transactions, out AuditTrail trail, out AuditRows rows)
    {
        var settings = TestEnvironment.BaseSettings();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(transactions, HttpPipelinePosition.PerCall);
        builder.Services.AddSingleton(new TableServiceClient(TestEnvironment.AzuriteConnectionString, tableOptions));
        // The app's clock, which nobody advances: only the rows' time comes from it, never the gathering.
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Noon));
        builder.Services.AddSingleton(gathering);
        builder.AddFileBridgeAudit();
        var host = builder.Build();
        trail = host.Services.GetRequiredService<AuditTrail>();
        rows = new AuditRows(settings);
        return host;
    }

    /// <summary>Counts table transactions (<c>$batch</c> requests) the writer sends.</summary>
    private sealed class TransactionCounter : HttpPipelinePolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Observe(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Observe(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Observe(HttpMessage message)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
