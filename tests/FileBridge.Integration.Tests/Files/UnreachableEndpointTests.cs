using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>
/// With STS and S3 unreachable, the API answers 503 upstream_unavailable with Retry-After, never 500, and once the
/// breaker is open it stops calling STS. The "endpoint" accepts each connection and drops it, so the test counts the
/// attempts the app made instead of timing its answers.
/// </summary>
public sealed class UnreachableEndpointTests
{
    [Fact]
    public async Task List_WhenTheEndpointIsDown_Answers503AndStopsCallingStsOnceTheBreakerIsOpen()
    {
        using var endpoint = new DroppingEndpoint();
        var settings = TestEnvironment.BaseSettings();
        settings["Aws:ServiceUrl"] = $"http://127.0.0.1:{endpoint.Port}";
        settings["Aws:StsMaxRetries"] = "1";
        settings["Aws:StsBaseDelay"] = "00:00:00.010";
        settings["Aws:StsBreakerMinimumThroughput"] = "2";
        settings["Aws:StsBreakDuration"] = "00:01:00";
        settings["Aws:StsMaxBreakDuration"] = "00:01:00";
        await using var host = await DevHostProcess.StartAsync(settings);
        await new TestUsers(settings).AddAsync("unreachable", FilesApiFixture.Password);
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, "unreachable", FilesApiFixture.Password);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = ApiSession.Request(HttpMethod.Get, "api/files", token);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("upstream_unavailable", body.RootElement.GetProperty("code").GetString());
        }

        var callsWhileClosed = endpoint.Connections;
        using var last = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files", token));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, last.StatusCode);
        // Two attempts (one retry) open the breaker; afterwards nothing reaches the endpoint until the break ends.
        Assert.InRange(callsWhileClosed, 1, 2);
        Assert.Equal(callsWhileClosed, endpoint.Connections);
    }

    /// <summary>A port that accepts connections and closes them at once, counting them.</summary>
    private sealed class DroppingEndpoint : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int connections;

        public DroppingEndpoint()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref connections);

        public void Dispose() => listener.Dispose();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var socket = await listener.AcceptSocketAsync();
                    Interlocked.Increment(ref connections);
                    socket.LingerState = new LingerOption(true, 0); // a reset, as from a host that is down
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped by Dispose.
            }
        }
    }
}
