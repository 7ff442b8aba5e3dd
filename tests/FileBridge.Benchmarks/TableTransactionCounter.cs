using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FileBridge.Benchmarks;

/// <summary>
/// A pipeline policy on the app's Table clients: counts every request sent (one request is one billed Table
/// transaction, a batch included) by table, and optionally waits a fixed time before each, to stand in for the
/// round trip to a storage account in Azure.
/// </summary>
internal sealed class TableTransactionCounter : HttpPipelinePolicy
{
    private static readonly string[] KnownTables = ["Users", "Sessions", "Attempts", "Audit", "Groups"];

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public TimeSpan Latency { get; set; }

    /// <summary>Transactions per table, the table named by its configured prefix (<c>Users</c>, <c>Sessions</c>, ...).</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts.ToDictionary();

    public int Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        if (Latency > TimeSpan.Zero)
        {
            Thread.Sleep(Latency);
        }

        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        await ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message) => _counts.AddOrUpdate(TableOf(message.Request.Uri.Path), 1, (_, n) => n + 1);

    // Azurite's paths are /<account>/<Table>(<keys>) or /<account>/$batch; the benchmark's table names are a prefix and a GUID.
    private static string TableOf(string path)
    {
        var name = (path.Trim('/').Split('/').LastOrDefault() ?? string.Empty).Split('(')[0];
        return name.StartsWith('$') ? name : KnownTables.FirstOrDefault(t => name.StartsWith(t, StringComparison.Ordinal)) ?? name;
    }
}
