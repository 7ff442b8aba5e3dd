using System.Diagnostics;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// scripts/lib/daemon.sh, the start/wait/stop helper of the service scripts, driven with throwaway processes in a
/// temporary folder (never the shared services).
/// </summary>
public sealed partial class DaemonHelperTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("filebridge-daemon-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Wait_ProcessExitsBeforeItAnswers_FailsWithTheEndOfItsLog()
    {
        var (exitCode, _, errors) = Run("""
            daemon_start "$D/p.pid" "$D/p.log" bash -c 'echo "cannot bind"; exit 3'
            daemon_wait demo "$D/p.pid" "$D/p.log" 60 false
            """);

        Assert.Equal(1, exitCode);
        Assert.Contains("demo exited before it answered.", errors, StringComparison.Ordinal);
        Assert.Contains("cannot bind", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_DeadlinePassed_FailsSayingSo()
    {
        var (exitCode, output, errors) = Run("""
            daemon_start "$D/p.pid" "$D/p.log" sleep 30
            daemon_wait demo "$D/p.pid" "$D/p.log" 0 false || { echo "wait=$?"; daemon_stop demo "$D/p.pid"; exit 1; }
            """);

        Assert.Equal(1, exitCode);
        Assert.Contains("demo did not answer within 0 s.", errors, StringComparison.Ordinal);
        Assert.Contains("wait=1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusStartStop_RunningProcess_IsReportedThenStoppedAndItsPidFileRemoved()
    {
        var (exitCode, output, _) = Run("""
            daemon_status demo "$D/p.pid" here || echo "before=$?"
            daemon_start "$D/p.pid" "$D/p.log" sleep 30
            daemon_wait demo "$D/p.pid" "$D/p.log" 60 true
            pid="$(daemon_pid "$D/p.pid")"
            daemon_status demo "$D/p.pid" here
            daemon_stop demo "$D/p.pid"
            daemon_alive "$pid" && echo "still alive"
            [[ -e "$D/p.pid" ]] && echo "pid file left"
            daemon_status demo "$D/p.pid" here || echo "after=$?"
            """);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["demo stopped", "before=1", "demo running (pid N, here)", "demo stopped.", "demo stopped", "after=1"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => PidPattern().Replace(line, "pid N")));
    }

    [Fact]
    public void PortOpen_ClosedPort_IsFalse()
    {
        // Port 1 (tcpmux) is privileged and unused on loopback here.
        var (exitCode, _, _) = Run("port_open 1");

        Assert.Equal(1, exitCode);
    }

    /// <summary>Runs <paramref name="script"/> with the helper sourced; standard output, then standard error.</summary>
    private (int ExitCode, string Output, string Errors) Run(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"source scripts/lib/daemon.sh\n{script}");
        start.Environment["D"] = _folder;

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"pid \d+")]
    private static partial System.Text.RegularExpressions.Regex PidPattern();
}
