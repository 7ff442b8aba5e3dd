namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// scripts/release.sh builds for minutes (publish and pack), so here it is checked as a script, and that it refuses
/// what would make a release that cannot be rebuilt or installed.
/// </summary>
public sealed class ReleaseScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "scripts", "release.sh");

    [Fact]
    public void Script_IsExecutableAndPassesBashAndShellcheck()
    {
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(Script) & UnixFileMode.UserExecute) != 0);
        var (syntax, output, error) = ScriptProcess.Run("bash", ["-n", Script]);
        Assert.True(syntax == 0, output + error);
        var shellcheck = new[] { "/usr/bin/shellcheck", "/usr/local/bin/shellcheck" }.First(File.Exists);
        var (lint, lintOutput, lintError) = ScriptProcess.Run(shellcheck, ["--shell=bash", Script]);
        Assert.True(lint == 0, lintOutput + lintError);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("1.4")]
    [InlineData("1.4.0;rm")]
    public void Version_ThatNuGetCannotTake_IsRefusedBeforeAnythingIsBuilt(string version)
    {
        var (exitCode, _, error) = ScriptProcess.Run("bash", [Script, version]);

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a version like 1.4.0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Artefacts_AreTheFunctionPackageThePageTheToolAndTheTemplates_WithChecksums()
    {
        var script = File.ReadAllText(Script);

        foreach (var artefact in new[] { "filebridge-functions-$version.zip", "filebridge-web-$version.zip", "dotnet pack src/FileBridge.Admin", "filebridge-infra-$version.zip", "sha256sum -- *.zip *.nupkg > SHA256SUMS" })
        {
            Assert.Contains(artefact, script, StringComparison.Ordinal);
        }
    }
}
