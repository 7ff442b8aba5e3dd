using System.Diagnostics;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// Every shell script under scripts/ parses (bash -n) and passes shellcheck (Debian's, installed by
/// scripts/shellcheck.sh). Scripts people run are executable; files that are only sourced say their shell to
/// shellcheck instead.
/// </summary>
public sealed class ShellScriptTests
{
    private static readonly string ScriptsFolder = Path.Combine(RepositoryPaths.Root, "scripts");

    public static TheoryData<string> Scripts() => new(ScriptPaths());

    private static IEnumerable<string> ScriptPaths() =>
        Directory.EnumerateFiles(ScriptsFolder, "*.sh", SearchOption.AllDirectories)
            .Select(script => Path.GetRelativePath(RepositoryPaths.Root, script))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Scripts_AreFound_IncludingTheServiceScriptsAndTheirHelper()
    {
        var scripts = ScriptPaths().ToList();

        Assert.Contains(Path.Combine("scripts", "azurite.sh"), scripts);
        Assert.Contains(Path.Combine("scripts", "lib", "daemon.sh"), scripts);
        Assert.Contains(Path.Combine("scripts", "azd", "postdeploy.sh"), scripts);
        Assert.True(scripts.Count >= 16, $"only {scripts.Count} scripts found");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_ParsesAndPassesShellcheck(string script)
    {
        var path = Path.Combine(RepositoryPaths.Root, script);

        var (syntax, syntaxOutput) = Run("bash", "-n", path);
        // Paths relative to the repository root, as the scripts' "shellcheck source=" directives name them.
        var (lint, lintOutput) = Run(Shellcheck(), "--external-sources", script);

        Assert.True(syntax == 0, syntaxOutput);
        Assert.True(lint == 0, lintOutput);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_IsExecutable_OrOnlySourcedAndSaysItsShell(string script)
    {
        var path = Path.Combine(RepositoryPaths.Root, script);
        var firstLine = File.ReadLines(path).First();

        if (firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            Assert.Equal("#!/usr/bin/env bash", firstLine);
            Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
        }
        else
        {
            Assert.StartsWith("# shellcheck shell=bash", firstLine, StringComparison.Ordinal);
        }
    }

    private static string Shellcheck() =>
        new[] { "/usr/bin/shellcheck", "/usr/local/bin/shellcheck" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("shellcheck is not installed: run scripts/shellcheck.sh (scripts/test.sh does).");

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
