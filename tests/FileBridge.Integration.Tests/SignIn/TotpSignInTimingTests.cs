using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace FileBridge.Integration.Tests.SignIn;

/// <summary>
/// How long a sign-in with a password and an authenticator code takes end to end on the local stack (in process,
/// real Azurite): the closing note's figure, printed as the median of 50.
/// </summary>
public sealed class TotpSignInTimingTests(ITestOutputHelper output)
{
    private const int Runs = 50;

    [Fact]
    public async Task PasswordAndCode_FiftySignIns_AllSucceed_AndTheMedianIsReported()
    {
        await using var world = SignInWorld.Start();
        var (_, secret, _) = await world.EnrolTotpAsync("timed");
        var times = new List<double>();

        for (var run = 0; run < Runs; run++)
        {
            // Each code once: the next run needs the next step's code.
            world.Clock.Advance(TimeSpan.FromSeconds(30));
            var browser = world.Browser();
            var watch = Stopwatch.StartNew();
            using var password = await browser.LoginAsync("timed", SignInWorld.NewPassword);
            using var code = await browser.PostAsync("api/auth/second-factor", new { method = "totp", code = world.CurrentCode(secret) });
            watch.Stop();
            Assert.Equal(HttpStatusCode.Accepted, password.StatusCode);
            Assert.Equal(HttpStatusCode.OK, code.StatusCode);
            times.Add(watch.Elapsed.TotalMilliseconds);
            using var logout = await browser.PostAsync("api/auth/logout");
        }

        times.Sort();
        output.WriteLine($"TOTP sign-in (password + code), {Runs} runs: median {times[Runs / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
        Assert.Equal(Runs, times.Count);
    }
}
