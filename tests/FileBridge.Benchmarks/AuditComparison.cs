using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FileBridge.Testing;

namespace FileBridge.Benchmarks;

/// <summary>
/// What auditing and telemetry cost a listing, in one run against the local services: two DevHosts side by side,
/// one with both off (<c>DevHost:DisableAudit</c>, no exporter), one with both on (rows in Azurite, OpenTelemetry
/// exported to Azure Monitor's exporter pointed at a local sink that accepts everything), asked in alternation so
/// both see the same machine.
/// </summary>
internal static class AuditComparison
{
    private const int Requests = 1000;
    private const int Warmup = 50;
    private const string Prefix = "projects/alpha/";
    private const string Password = "benchmark password 1";

    public static async Task RunAsync()
    {
        var invariant = CultureInfo.InvariantCulture;
        using var sink = IngestionSink.Start();

        var offSettings = TestEnvironment.BaseSettings();
        offSettings["DevHost:DisableAudit"] = "true";
        var onSettings = TestEnvironment.BaseSettings();
        onSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={sink.Address}";

        await using var off = await DevHostProcess.StartAsync(offSettings);
        await using var on = await DevHostProcess.StartAsync(onSettings);
        var offClient = await SignedInAsync(off, offSettings);
        var onClient = await SignedInAsync(on, onSettings);

        var offTimes = new List<double>();
        var onTimes = new List<double>();
        for (var i = 0; i < Warmup + Requests; i++)
        {
            var offTime = await ListAsync(offClient);
            var onTime = await ListAsync(onClient);
            if (i >= Warmup)
            {
                offTimes.Add(offTime);
                onTimes.Add(onTime);
            }
        }

        var offMedian = Percentile(offTimes, 0.5);
        var onMedian = Percentile(onTimes, 0.5);
        Console.WriteLine(string.Create(invariant, $"Median GET /api/files, audit + telemetry off: {offMedian:F2} ms  (p95 {Percentile(offTimes, 0.95):F2} ms)"));
        Console.WriteLine(string.Create(invariant, $"Median GET /api/files, audit + telemetry on:  {onMedian:F2} ms  (p95 {Percentile(onTimes, 0.95):F2} ms)"));
        Console.WriteLine(string.Create(invariant, $"Ratio on / off: {onMedian / offMedian:F2}; telemetry posts received by the sink: {sink.Posts}"));
        var rows = await new AuditRows(onSettings).AllAsync();
        Console.WriteLine(string.Create(invariant, $"Audit rows written by the 'on' host: {rows.Count}"));
    }

    private static async Task<(HttpClient Client, string Token)> SignedInAsync(DevHostProcess host, Dictionary<string, string?> settings)
    {
        await new TestUsers(settings).AddAsync("bench-audit", Password);
        var client = host.CreateClient();
        return (client, await ApiSession.SignInAsync(client, "bench-audit", Password));
    }

    private static async Task<double> ListAsync((HttpClient Client, string Token) caller)
    {
        using var request = ApiSession.Request(HttpMethod.Get, $"api/files?prefix={Prefix}", caller.Token);
        var clock = Stopwatch.StartNew();
        using var response = await caller.Client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return elapsed;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    /// <summary>Stands in for Azure Monitor's ingestion endpoint: answers every post as accepted.</summary>
    private sealed class IngestionSink : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _posts;

        private IngestionSink(string address)
        {
            Address = address;
            _listener.Prefixes.Add(address);
        }

        public string Address { get; }

        public int Posts => Volatile.Read(ref _posts);

        public static IngestionSink Start()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var sink = new IngestionSink($"http://127.0.0.1:{port}/");
            sink._listener.Start();
            _ = sink.ServeAsync();
            return sink;
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _posts);
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync("{\"itemsReceived\":1,\"itemsAccepted\":1,\"errors\":[]}"u8.ToArray());
                context.Response.Close();
            }
        }
    }
}
