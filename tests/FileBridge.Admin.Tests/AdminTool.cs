using System.Diagnostics;
using FileBridge.Testing;

namespace FileBridge.Admin.Tests;

/// <summary>What one run of the tool left behind.</summary>
public sealed record AdminRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs the built filebridge-admin.dll as an operator would: settings only from environment variables
/// (inherited FileBridge settings removed first), standard input piped.
/// </summary>
public static class AdminTool
{
    private static readonly string[] SettingSections = ["Users__", "Sessions__", "Login__", "Files__", "Aws__", "Audit__", "Groups__"];

    public static async Task<AdminRun> RunAsync(IReadOnlyDictionary<string, string?> settings, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(AssemblyPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => SettingSections.Any(s => k.StartsWith(s, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start filebridge-admin.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"filebridge-admin {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        return new AdminRun(process.ExitCode, await output, await error);
    }

    private static string AssemblyPath()
    {
        // Same configuration (Debug/Release) as the running test assembly.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var path = Path.Combine(TestEnvironment.RepoRoot, "src", "FileBridge.Admin", "bin", configuration, "net10.0", "filebridge-admin.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/FileBridge.Admin first; filebridge-admin.dll is missing.", path);
    }
}
