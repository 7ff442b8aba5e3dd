using System.Diagnostics;
using FileBridge.Testing;

namespace FileBridge.Integration.Tests.Scripts;

/// <summary>scripts/smoke.sh against a DevHost: one line per check, exit 0 only when all passed.</summary>
public sealed class SmokeScriptTests
{
    private const string Password = "smoke test password 1";

    [Fact]
    public async Task Smoke_WithAUser_PassesEveryCheckAndExitsZero()
    {
        var settings = TestEnvironment.BaseSettings();
        await using var host = await DevHostProcess.StartAsync(settings);
        await new TestUsers(settings).AddAsync("smoker", Password, prefixes: "*");

        var (exitCode, lines) = await RunAsync(host.BaseAddress, "smoker", Password);

        Assert.Equal(["PASS health", "PASS ready", "PASS sign-in", "PASS list", "PASS download", "PASS sign-out"], lines.Select(Check));
        Assert.Contains(lines, l => l.Contains("README.txt", StringComparison.Ordinal));
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Smoke_WithAWrongPassword_FailsTheSignInAndExitsNonZero()
    {
        var settings = TestEnvironment.BaseSettings();
        await using var host = await DevHostProcess.StartAsync(settings);
        await new TestUsers(settings).AddAsync("smoker", Password, prefixes: "*");

        var (exitCode, lines) = await RunAsync(host.BaseAddress, "smoker", "not the password");

        Assert.Equal(["PASS health", "PASS ready", "FAIL sign-in"], lines.Select(Check));
        Assert.Contains("invalid_credentials", lines[2], StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Smoke_WhenABucketCannotBeRead_FailsReadinessNamingIt()
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Files:Bucket"] = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await DevHostProcess.StartAsync(settings);

        var (exitCode, lines) = await RunAsync(host.BaseAddress, null, null);

        Assert.Equal(["PASS health", "FAIL ready"], lines.Select(Check));
        Assert.Contains($"s3:{settings["Files:Bucket"]}", lines[1], StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    private static string Check(string line) => line.Split(':')[0];

    private static async Task<(int ExitCode, string[] Lines)> RunAsync(Uri baseAddress, string? user, string? password)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(TestEnvironment.RepoRoot, "scripts", "smoke.sh"), baseAddress.ToString() },
        };
        if (user is not null)
        {
            start.ArgumentList.Add(user);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0, await errors);
        return (process.ExitCode, lines);
    }
}
