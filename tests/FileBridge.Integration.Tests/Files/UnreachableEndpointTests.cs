using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Files;

/// <summary>
/// With STS and S3 unreachable, the API answers 503 upstream_unavailable with Retry-After, never 500, and once the
/// breaker is open it stops calling STS. The endpoint answers every call with STS's ServiceUnavailable, so the test
/// counts the calls the app made instead of timing its answers.
/// </summary>
public sealed class UnreachableEndpointTests
{
    [Fact]
    public async Task List_WhenTheEndpointIsDown_Answers503AndStopsCallingStsOnceTheBreakerIsOpen()
    {
        using var endpoint = new FailingEndpoint();
        var settings = TestEnvironment.BaseSettings();
        settings["Aws:ServiceUrl"] = $"http://127.0.0.1:{endpoint.Port}";
        settings["Aws:StsMaxRetries"] = "1";
        settings["Aws:StsBaseDelay"] = "00:00:00.010";
        settings["Aws:StsBreakerMinimumThroughput"] = "2";
        settings["Aws:StsBreakDuration"] = "00:01:00";
        settings["Aws:StsMaxBreakDuration"] = "00:01:00";
        await using var host = InProcessDevHost.Start(settings);
        await new TestUsers(settings).AddAsync("unreachable", FilesApiFixture.Password, prefixes: "*");
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

        var callsWhileClosed = endpoint.Requests;
        using var last = await client.SendAsync(ApiSession.Request(HttpMethod.Get, "api/files", token));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, last.StatusCode);
        // Two attempts (one retry) open the breaker; afterwards nothing reaches the endpoint until the break ends.
        Assert.InRange(callsWhileClosed, 1, 2);
        Assert.Equal(callsWhileClosed, endpoint.Requests);
    }

    /// <summary>An endpoint that answers every request with STS's "ServiceUnavailable", counting the requests.</summary>
    private sealed class FailingEndpoint : IDisposable
    {
        private static readonly byte[] Answer = System.Text.Encoding.ASCII.GetBytes(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/xml\r\nConnection: close\r\nContent-Length: 124\r\n\r\n"
            + "<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>down</Message></Error><RequestId>x</RequestId></ErrorResponse>");

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _requests;

        public FailingEndpoint()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Dispose();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync();
                    _ = AnswerAsync(socket);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped by Dispose.
            }
        }

        private async Task AnswerAsync(Socket socket)
        {
            using (socket)
            {
                try
                {
                    // Read up to the end of the headers; the body (if any) does not matter, the connection closes.
                    var buffer = new byte[16 * 1024];
                    var seen = "";
                    while (!seen.Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                        if (read == 0)
                        {
                            return;
                        }

                        seen += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
                    }

                    Interlocked.Increment(ref _requests);
                    await socket.SendAsync(Answer, SocketFlags.None);
                    socket.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                    // The client gave up first.
                }
            }
        }
    }
}
