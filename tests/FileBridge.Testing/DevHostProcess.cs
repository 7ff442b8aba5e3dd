using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FileBridge.Testing;

/// <summary>
/// Runs the real DevHost as a child process on a free loopback port, configured only through
/// environment variables, exactly as an operator would run it.
/// </summary>
public sealed class DevHostProcess : IAppHost
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DevHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote so far (stdout and stderr), e.g. to prove no secret was logged.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<DevHostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan? startTimeout = null)
    {
        var host = Launch(settings);
        await host.WaitUntilHealthyAsync(startTimeout ?? TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Starts a process expected to stop by itself (e.g. on invalid settings) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        await using var host = Launch(settings);
        using var cancellation = new CancellationTokenSource(timeout);
        await host._process.WaitForExitAsync(cancellation.Token);
        host._process.WaitForExit();
        return (host._process.ExitCode, host.Output);
    }

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Starts the DevHost on a free loopback port and collects everything it writes.</summary>
    private static DevHostProcess Launch(IReadOnlyDictionary<string, string?> settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { DevHostAssembly(), "--urls", baseAddress.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestEnvironment.RepoRoot,
        };
        start.Environment["DevHost__WebRoot"] = Path.Combine(TestEnvironment.RepoRoot, "src", "FileBridge.Web");
        foreach (var (name, value) in settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the DevHost.");
        var host = new DevHostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The DevHost stopped with exit code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The DevHost did not answer /api/health within {timeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DevHostAssembly()
    {
        // Same configuration (Debug/Release) as the test assembly that is running.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var path = Path.Combine(TestEnvironment.RepoRoot, "src", "FileBridge.DevHost", "bin", configuration, "net10.0", "FileBridge.DevHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first; the DevHost is missing.", path);
    }
}
