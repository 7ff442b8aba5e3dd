using System.Xml.Linq;

namespace FileBridge.Infrastructure.Tests;

/// <summary>
/// The admin tool ships as a .NET tool named filebridge-admin (README.md, "Operating FileBridge"). Packing takes minutes on a
/// busy build machine, so the project's declaration is checked here; scripts/release.sh packs it.
/// </summary>
public sealed class AdminToolPackageTests
{
    private static readonly XElement Properties = new(
        "all",
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "FileBridge.Admin", "FileBridge.Admin.csproj")).Root!.Elements("PropertyGroup").Elements());

    [Theory]
    [InlineData("PackAsTool", "true")]
    [InlineData("ToolCommandName", "filebridge-admin")]
    [InlineData("AssemblyName", "filebridge-admin")]
    [InlineData("IsPackable", "true")]
    public void Project_DeclaresTheDotnetTool(string property, string expected) =>
        Assert.Equal(expected, Properties.Element(property)?.Value);

    [Fact]
    public void DeployAndOperateDocs_CallTheToolByItsCommandName()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var operating = readme[readme.IndexOf("## Operating FileBridge", StringComparison.Ordinal)..readme.IndexOf("## Tests", StringComparison.Ordinal)];
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.InfraBicep, "README.md"));

        Assert.Contains("filebridge-admin users add", operating, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run --project src/FileBridge.Admin", operating, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run --project src/FileBridge.Admin", guide, StringComparison.Ordinal);
    }
}
