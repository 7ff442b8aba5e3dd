using FileBridge.Core.Aws;
using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class FileLocationsTests
{
    private static readonly AwsOptions Aws = new() { Region = "eu-west-1", RoleArn = "arn:aws:iam::111111111111:role/reader" };

    private static FileLocations Several() => FileLocations.From(new FilesOptions
    {
        Locations =
        [
            new LocationOptions { Name = "logs", Bucket = "acme-logs" },
            new LocationOptions { Name = "builds", Bucket = "acme-ci", Prefix = "artifacts", RoleArn = "arn:aws:iam::222222222222:role/ci-reader", Region = "us-east-2" },
        ],
    }, Aws);

    [Fact]
    public void From_BucketAlone_IsOneUnnamedLocationWhosePathsAreKeys()
    {
        var locations = FileLocations.From(new FilesOptions { Bucket = "acme-files" }, Aws);

        var resolved = locations.Resolve("home/alice/a.txt");

        Assert.False(locations.IsNamespaced);
        Assert.Equal(new FileLocation("", "acme-files", "", Aws.RoleArn, "eu-west-1"), locations.All.Single());
        Assert.Equal("home/alice/a.txt", resolved!.Value.Key);
    }

    [Fact]
    public void From_Locations_DefaultsRoleAndRegionAndNormalizesTheSubtree()
    {
        var locations = Several();

        Assert.True(locations.IsNamespaced);
        Assert.Equal(new FileLocation("logs", "acme-logs", "", Aws.RoleArn, "eu-west-1"), locations.All[0]);
        Assert.Equal(new FileLocation("builds", "acme-ci", "artifacts/", "arn:aws:iam::222222222222:role/ci-reader", "us-east-2"), locations.All[1]);
    }

    [Theory]
    [InlineData("builds/2024/app.zip", "builds", "artifacts/2024/app.zip")]
    [InlineData("logs/", "logs", "")]
    [InlineData("logs/a/b/", "logs", "a/b/")]
    public void Resolve_PathInTheNamespace_IsThatLocationsKey(string path, string location, string key)
    {
        var resolved = Several().Resolve(path);

        Assert.Equal(location, resolved!.Value.Location.Name);
        Assert.Equal(key, resolved.Value.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("logs")]
    [InlineData("nowhere/a.txt")]
    [InlineData("LOGS/a.txt")]
    public void Resolve_PathNamingNoLocation_IsNull(string path) => Assert.Null(Several().Resolve(path));

    [Fact]
    public void ToPath_KeyOfASubtreeLocation_DropsTheSubtreeAndAddsTheName()
    {
        var locations = Several();

        Assert.Equal("builds/2024/app.zip", locations.ToPath(locations.All[1], "artifacts/2024/app.zip"));
    }
}
