using System.Diagnostics;
using System.Globalization;
using FileBridge.Testing;
using Xunit.Abstractions;

namespace FileBridge.Browser.Tests;

/// <summary>
/// How long a person waits between pressing "Sign in" and seeing their files. The number is recorded
/// (artifacts/sign-in-timing.txt), not asserted: timings belong in reports, not in pass/fail.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTimingTests(BrowserHost host, ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    public async Task SignIn_FiveTimes_ShowsTheFileListEachTimeAndRecordsTheWait()
    {
        var user = await host.CreateUserAsync("Tim Timing");
        var total = new List<double>();
        var login = new List<double>();
        var listing = new List<double>();

        for (var run = 0; run < Runs; run++)
        {
            await host.RunAsync(async app =>
            {
                await app.OpenAsync("/");
                await app.UserName.FillAsync(user.Name);
                await app.Password.FillAsync(user.Password);
                app.Page.RequestFinished += (_, request) =>
                {
                    var path = new Uri(request.Url).AbsolutePath;
                    var into = path == "/api/auth/login" ? login : path == "/api/files" ? listing : null;
                    into?.Add(request.Timing.ResponseEnd);
                };

                var clock = Stopwatch.StartNew();
                await app.SignInButton.ClickAsync();
                await app.Rows.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
                clock.Stop();

                total.Add(clock.Elapsed.TotalMilliseconds);
            }, testName: nameof(SignIn_FiveTimes_ShowsTheFileListEachTimeAndRecordsTheWait));
        }

        var median = Median(total);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"Sign in -> file list visible: median {median:F0} ms over {Runs} runs ({string.Join(", ", total.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} ms); " +
            $"median login request {Median(login):F0} ms, first listing request {Median(listing):F0} ms");
        output.WriteLine(report);
        Console.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(TestEnvironment.RepoRoot, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(TestEnvironment.RepoRoot, "artifacts", "sign-in-timing.txt"), report + "\n");
        Assert.Equal(Runs, total.Count);
        Assert.Equal(Runs, login.Count);
    }

    private static double Median(List<double> values) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
}
