using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;

namespace FileBridge.Admin.Tests.Input;

public sealed class PrefixesInputLocationsTests
{
    private static readonly string[] Locations = ["logs", "builds"];

    [Fact]
    public void Parse_WithLocations_AcceptsPrefixesInTheirNamespace() =>
        Assert.Equal(["logs/app/", "builds/"], PrefixesInput.Parse("logs/app;builds/", Locations));

    [Theory]
    [InlineData("home/alice/")]
    [InlineData("logs/;Logs/x/")]
    [InlineData("logsx/")]
    public void Parse_WithLocations_RefusesAPrefixNamingNoLocation(string prefixes)
    {
        var error = Assert.Throws<AdminInputException>(() => PrefixesInput.Parse(prefixes, Locations));

        Assert.Contains("names no location", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithLocations_EverythingStillStandsAlone() => Assert.Equal(["*"], PrefixesInput.Parse("*", Locations));

    [Fact]
    public void Parse_WithoutLocations_AnyFolderIsAKeyPrefix() => Assert.Equal(["home/alice/"], PrefixesInput.Parse("home/alice/", []));
}
