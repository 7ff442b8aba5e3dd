using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// azure.yaml for the Azure Developer CLI. azd cannot run here, so its structure is checked: services, hosts and
/// project paths, the infrastructure entry point and its parameters, and hook scripts that exist, are executable
/// and pass bash -n and shellcheck.
/// </summary>
public sealed class AzdProjectTests
{
    private static readonly YamlMappingNode Root = Load();

    [Theory]
    [InlineData("api", "function", "src/FileBridge.Functions", "FileBridge.Functions.csproj")]
    [InlineData("web", "staticwebapp", "src/FileBridge.Web", "index.html")]
    public void Service_HostAndProject_PointAtTheApp(string service, string host, string project, string marker)
    {
        var node = Mapping(Mapping(Root, "services"), service);

        Assert.Equal(host, Scalar(node, "host"));
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Scalar(node, "project")));
        Assert.Equal(Path.Combine(RepositoryPaths.Root, project), path.TrimEnd('/'));
        Assert.True(File.Exists(Path.Combine(path, marker)), $"{marker} not found in {path}");
    }

    [Fact]
    public void Services_AreExactlyApiAndWeb()
    {
        var services = Mapping(Root, "services").Children.Keys.Select(k => ((YamlScalarNode)k).Value);

        Assert.Equal(["api", "web"], services);
    }

    [Fact]
    public void Infra_EntryPointAndParameters_Exist_AndTakeTheAwsStacksOutputsFromTheEnvironment()
    {
        var infra = Mapping(Root, "infra");
        var folder = Path.Combine(RepositoryPaths.Root, Scalar(infra, "path"));

        Assert.Equal("bicep", Scalar(infra, "provider"));
        Assert.True(File.Exists(Path.Combine(folder, $"{Scalar(infra, "module")}.bicep")));
        var parameters = File.ReadAllText(Path.Combine(folder, $"{Scalar(infra, "module")}.parameters.json"));
        foreach (var variable in new[] { "${AZURE_ENV_NAME}", "${AWS_ROLE_ARN}", "${FILES_BUCKET}", "${AWS_REGION}" })
        {
            Assert.Contains(variable, parameters, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("preprovision")]
    [InlineData("postprovision")]
    [InlineData("postdeploy")]
    public void Hook_Script_ExistsIsExecutableAndPassesBashAndShellcheck(string hook)
    {
        var script = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Scalar(Mapping(Mapping(Root, "hooks"), hook), "run")));

        AssertGoodScript(script);
    }

    [Fact]
    public void PostdeployHook_RunsTheSmokeTestAgainstTheAddressPeopleUse()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Scalar(Mapping(Mapping(Root, "hooks"), "postdeploy"), "run")));

        Assert.Contains("scripts/smoke.sh", script, StringComparison.Ordinal);
        // APP_URL (the edge's when it is on); the static web app's own host only for a deployment without that output.
        // DayOneDryRunTests.EdgeOn_TheSmokeTestAsksAppUrl_NeverTheStaticWebAppsLockedHost runs it.
        Assert.Contains("url=\"${APP_URL:-${STATIC_WEB_APP_URL:?", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SmokeScript_IsExecutableAndPassesBashAndShellcheck() =>
        AssertGoodScript(Path.Combine(RepositoryPaths.Root, "scripts", "smoke.sh"));

    private static void AssertGoodScript(string script)
    {
        Assert.True(File.Exists(script), $"{script} is missing");
        // The hooks run on Linux and macOS shells; the executable bit is what azd and git need.
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
        var (syntax, syntaxOutput) = Run("bash", "-n", script);
        Assert.True(syntax == 0, syntaxOutput);
        var (lint, lintOutput) = Run(Shellcheck(), "--shell=bash", "--external-sources", script);
        Assert.True(lint == 0, lintOutput);
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
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
