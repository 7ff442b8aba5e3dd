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

    [Fact]
    public void RoleRequestFor_Everything_IsTheWholeBucketOrTheWholeSubtree()
    {
        var locations = Several();
        var everything = AccessScope.From(["*"]);

        Assert.Empty(locations.RoleRequestFor("ada", everything, locations.All[0])!.Prefixes);
        Assert.Equal(["artifacts/"], locations.RoleRequestFor("ada", everything, locations.All[1])!.Prefixes);
    }

    [Fact]
    public void RoleRequestFor_GrantsInOneLocation_GiveThatLocationsKeysAndRoleOnly()
    {
        var locations = Several();
        var scope = AccessScope.From(["logs/app/", "builds/2024/", "builds/2025/"]);

        var logs = locations.RoleRequestFor("ada", scope, locations.All[0])!;
        var builds = locations.RoleRequestFor("ada", scope, locations.All[1])!;

        Assert.Equal(["app/"], logs.Prefixes);
        Assert.Equal(["artifacts/2024/", "artifacts/2025/"], builds.Prefixes);
        Assert.Equal("arn:aws:iam::222222222222:role/ci-reader", builds.Location!.RoleArn);
        Assert.NotEqual(logs.CacheKey, builds.CacheKey);
    }

    [Fact]
    public void RoleRequestFor_NoGrantInTheLocation_IsNullNeverTheWholeBucket()
    {
        var locations = Several();

        Assert.Null(locations.RoleRequestFor("ada", AccessScope.From(["logs/app/"]), locations.All[1]));
        Assert.Null(locations.RoleRequestFor("ada", AccessScope.Nothing, locations.All[0]));
        Assert.Null(locations.RoleRequestFor("ada", AccessScope.From(["logsx/"]), locations.All[0]));
    }

    [Fact]
    public void RoleRequestFor_SameGrantsInTwoLocations_AreCachedApart()
    {
        var locations = FileLocations.From(new FilesOptions
        {
            Locations = [new LocationOptions { Name = "a", Bucket = "bucket-a" }, new LocationOptions { Name = "b", Bucket = "bucket-b" }],
        }, Aws);
        var everything = AccessScope.From(["*"]);

        Assert.NotEqual(
            locations.RoleRequestFor("ada", everything, locations.All[0])!.CacheKey,
            locations.RoleRequestFor("ada", everything, locations.All[1])!.CacheKey);
    }
}
