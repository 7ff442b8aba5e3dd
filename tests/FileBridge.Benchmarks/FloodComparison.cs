using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using FileBridge.Testing;

namespace FileBridge.Benchmarks;

/// <summary>
/// A signed-in person's folder listing alone and during a flood of concurrent wrong sign-ins for
/// made-up names, in one run on this machine (services as for the tests). Three set-ups side by side:
/// the protections off (as before them), on with the flood from one address, and on with the flood
/// spread over many addresses (each request claims its own, as a botnet would).
/// </summary>
internal static class FloodComparison
{
    private const int Listings = 300;
    private const int FloodClients = 8;
    private const string Password = "benchmark password 1";

    public static async Task RunAsync()
    {
        Console.WriteLine("setup                       | listing p50 / p95 alone | during flood   | p95 ratio | flood answers (per status)        | flood req/s | checks/s");
        await RunSetupAsync("protections off (before)", Unprotected(), spreadAddresses: false);
        await RunSetupAsync("on, flood from one address", [], spreadAddresses: false);
        await RunSetupAsync("on, flood from many", [], spreadAddresses: true);
    }

    // Limits so high and a gate so wide that nothing is refused: what FileBridge did before.
    private static Dictionary<string, string?> Unprotected() => new()
    {
        ["Throttle:LoginPerClientPerMinute"] = "100000",
        ["Throttle:RequestsPerSecond"] = "100000",
        ["Throttle:Burst"] = "100000",
        ["Throttle:ConcurrentPasswordChecks"] = "1024",
        ["Throttle:PasswordCheckQueue"] = "100000",
    };

    private static async Task RunSetupAsync(string name, Dictionary<string, string?> overrides, bool spreadAddresses)
    {
        var settings = TestEnvironment.BaseSettings();
        // The shipped defaults, unless the set-up says otherwise.
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Throttle:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        settings["Web:ClientAddressHeader"] = "X-Bench-Client";
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var host = await DevHostProcess.StartAsync(settings);
        await new TestUsers(settings).AddAsync("bench-flood", Password, prefixes: "projects/");
        using var client = host.CreateClient();
        var token = await ApiSession.SignInAsync(client, "bench-flood", Password);

        var alone = await ListAsync(client, token);
        using var stop = new CancellationTokenSource();
        var answers = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var flood = Enumerable.Range(0, FloodClients).Select(worker => FloodAsync(host, worker, spreadAddresses, answers, stop.Token)).ToList();
        await Task.Delay(500);
        var during = await ListAsync(client, token);
        await stop.CancelAsync();
        await Task.WhenAll(flood);
        var seconds = clock.Elapsed.TotalSeconds;

        var total = answers.Values.Sum();
        var counts = string.Join(' ', answers.OrderBy(a => a.Key).Select(a => $"{a.Key}:{a.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-27} | {P(alone, 0.5),7:F1} / {P(alone, 0.95),7:F1} ms    | {P(during, 0.5),6:F1} / {P(during, 0.95),6:F1} | {P(during, 0.95) / P(alone, 0.95),9:F2} | {counts,-33} | {total / seconds,11:F0} | {answers.GetValueOrDefault(401) / seconds,8:F1}"));
    }

    private static async Task<List<double>> ListAsync(HttpClient client, string token)
    {
        var times = new List<double>();
        for (var i = 0; i < Listings; i++)
        {
            using var request = ApiSession.Request(HttpMethod.Get, "api/files?prefix=projects/alpha/", token);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return times;
    }

    private static async Task FloodAsync(DevHostProcess host, int worker, bool spreadAddresses, ConcurrentDictionary<int, int> answers, CancellationToken stop)
    {
        using var client = host.CreateClient();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
            {
                Content = JsonContent.Create(new { username = $"nobody-{worker}-{i}", password = "a wrong guess" }),
            };
            request.Headers.Add("X-Bench-Client", spreadAddresses ? $"10.{worker}.{i / 250 % 250}.{i % 250 + 1}" : "192.0.2.1");
            try
            {
                using var response = await client.SendAsync(request, stop);
                answers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode is 429 or 503)
                {
                    // A refused attacker does not wait for Retry-After; a brief pause keeps the client honest about loopback.
                    await Task.Delay(1, stop);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
