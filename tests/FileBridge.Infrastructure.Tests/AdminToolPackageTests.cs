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

        Assert.Contains("filebridge-admin users add", operating, StringComparison.Ordinal);
    }

    /// <summary>
    /// One spelling everywhere: every command line in the READMEs calls <c>filebridge-admin</c>; the main README says once,
    /// in a sentence of its "Admin tool" section, how to run it from a checkout without installing it.
    /// </summary>
    [Theory]
    [InlineData("README.md", 1)]
    [InlineData("infra-bicep/README.md", 0)]
    [InlineData("src/FileBridge.Admin/README.md", 0)]
    public void Readmes_SpellTheToolOneWay(string readme, int fromSourceSentences)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, readme));

        var fromSource = lines.Where(l => l.Contains("dotnet run --project src/FileBridge.Admin", StringComparison.Ordinal)).ToList();

        Assert.Equal(fromSourceSentences, fromSource.Count);
        Assert.All(fromSource, l => Assert.Contains("without installing", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("filebridge-admin.dll", StringComparison.Ordinal) || l.Contains("FileBridge.Admin.dll", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("filebridge-admin ", StringComparison.Ordinal));
    }
}
