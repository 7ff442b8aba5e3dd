using System.Diagnostics;

namespace FileBridge.Infrastructure.Tests;

/// <summary>Runs a script or tool to its end with a given standard input and environment, and a time limit.</summary>
internal static class ScriptProcess
{
    /// <summary>
    /// A folder whose python3 is Debian's own, put first on PATH: the scripts start python3 dozens of times, and a
    /// version manager's shim (pyenv) takes several times as long to start on a busy machine. Empty when there is none.
    /// </summary>
    private static readonly Lazy<string> FastPython = new(() =>
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "infra-tests", "python");
        if (File.Exists("/usr/bin/python3") && !File.Exists(Path.Combine(folder, "python3")))
        {
            Directory.CreateDirectory(folder);
            File.CreateSymbolicLink(Path.Combine(folder, "python3"), "/usr/bin/python3");
        }

        return folder;
    });

    public static (int ExitCode, string Output, string Error) Run(
        string file, IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["PATH"] = $"{FastPython.Value}:{start.Environment["PATH"]}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in time.\n{output.Result}\n{error.Result}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>
/// StandIns/filebridge_standin.py on a loopback port: a deployed FileBridge as the contract for signing in with a second factor describes
/// it, for the smoke script (the DevHost does not answer 202 yet) and the day-one dry run.
/// </summary>
internal sealed class FileBridgeStandIn : IDisposable
{
    private readonly Process _process;

    /// <param name="usersFile">When given, only the accounts listed in that file exist (see filebridge_standin.py).</param>
    public FileBridgeStandIn(string password, string code, string next, string? usersFile = null)
    {
        LogPath = Path.Combine(Path.GetTempPath(), $"filebridge-standin-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(RepositoryPaths.InfrastructureTests, "StandIns", "filebridge_standin.py"), password, code, next })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["STANDIN_LOG"] = LogPath;
        if (usersFile is not null)
        {
            start.Environment["STANDIN_USERS"] = usersFile;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the FileBridge stand-in.");
        // Its first line is the port; reading it waits exactly as long as the start takes.
        var port = _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        BaseUrl = $"http://127.0.0.1:{int.Parse(port ?? throw new InvalidOperationException(_process.StandardError.ReadToEnd()), System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public string BaseUrl { get; }

    public string LogPath { get; }

    public IReadOnlyList<string> Requests => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        File.Delete(LogPath);
    }
}
