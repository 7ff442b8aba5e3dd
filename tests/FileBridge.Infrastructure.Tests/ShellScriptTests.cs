using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// Every shell script in the repository (scripts/, infra-bicep/, tests/ with the dry run's stand-ins, .ci/) parses
/// (bash -n) and passes shellcheck (Debian's, installed by scripts/shellcheck.sh). Scripts people run are executable;
/// files that are only sourced say their shell to shellcheck instead.
/// </summary>
public sealed class ShellScriptTests
{
    private static readonly string[] Folders = ["scripts", "infra-bicep", "tests", ".ci"];

    // Build output and installed packages: not ours to lint.
    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];

    public static TheoryData<string> Scripts() => new(ScriptPaths());

    private static IEnumerable<string> ScriptPaths() =>
        Folders.Select(folder => Path.Combine(RepositoryPaths.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(FilesUnder)
            .Where(IsShellScript)
            .Select(script => Path.GetRelativePath(RepositoryPaths.Root, script))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder).Concat(Directory.EnumerateDirectories(folder)
            .Where(child => !Skipped.Contains(Path.GetFileName(child)))
            .SelectMany(FilesUnder));

    // *.sh, or a file without an extension that starts with a shell's #! line (the stand-ins for az, aws and azd).
    private static bool IsShellScript(string path) =>
        path.EndsWith(".sh", StringComparison.Ordinal)
        || (Path.GetExtension(path).Length == 0
            && File.ReadLines(path).FirstOrDefault() is { } firstLine
            && Regex.IsMatch(firstLine, @"^#!.*\b(ba)?sh\b", RegexOptions.None, TimeSpan.FromSeconds(1)));

    [Fact]
    public void Scripts_AreFound_IncludingTheServiceScriptsAndTheirHelper()
    {
        var scripts = ScriptPaths().ToList();

        Assert.Contains(Path.Combine("scripts", "azurite.sh"), scripts);
        Assert.Contains(Path.Combine("scripts", "lib", "daemon.sh"), scripts);
        Assert.Contains(Path.Combine("scripts", "azd", "postdeploy.sh"), scripts);
        Assert.Contains(Path.Combine("tests", "FileBridge.Infrastructure.Tests", "DryRun", "azd-up.sh"), scripts);
        Assert.Contains(Path.Combine("tests", "FileBridge.Infrastructure.Tests", "DryRun", "stand-ins", "az"), scripts);
        Assert.Contains(Path.Combine(".ci", "run"), scripts);
        Assert.DoesNotContain(scripts, script => script.EndsWith(".py", StringComparison.Ordinal));
        Assert.True(scripts.Count >= 22, $"only {scripts.Count} scripts found");
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
