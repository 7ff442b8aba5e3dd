using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Files;

public sealed class AccessPolicyTests
{
    private static readonly AwsOptions Aws = new() { Region = "eu-west-1", RoleArn = "arn:aws:iam::111111111111:role/reader" };

    private static readonly FilesOptions SeveralOptions = new()
    {
        Locations =
        [
            new LocationOptions { Name = "logs", Bucket = "acme-logs" },
            new LocationOptions { Name = "builds", Bucket = "acme-ci", Prefix = "artifacts", RoleArn = "arn:aws:iam::222222222222:role/ci-reader", Region = "us-east-2" },
        ],
    };

    private static AccessPolicy Policy(FilesOptions files) => new(FileLocations.From(files, Aws), Options.Create(files));

    private static AuthenticatedUser User(params string[]? prefixes) => new("ada", "Ada", prefixes, DateTimeOffset.UtcNow.AddHours(1));

    [Theory]
    [InlineData("proj*/")]
    [InlineData("a/${aws:userid}/")]
    [InlineData("what?/")]
    [InlineData("*;shared/")]
    public void ScopeOf_StoredPrefixIamWouldMisread_GrantsNothingForIt(string stored)
    {
        var policy = Policy(new FilesOptions { Bucket = "acme-files" });

        var scope = policy.ScopeOf(new AuthenticatedUser("mallory", "M", stored.Split(';'), DateTimeOffset.UtcNow.AddHours(1)));

        Assert.False(scope.IsEverything);
        Assert.DoesNotContain(scope.Prefixes, p => p.Contains('*', StringComparison.Ordinal) || p.Contains('?', StringComparison.Ordinal) || p.Contains('$', StringComparison.Ordinal));
        Assert.False(scope.Allows("projects/alpha/report.txt"));
    }

    [Fact]
    public void ScopeOf_NoOwnGrants_UsesTheDefaultsAndSaysSo()
    {
        var policy = Policy(new FilesOptions { Bucket = "acme-files", DefaultPrefixes = "shared/" });

        var decision = policy.Explain(User(null), "shared/handbook.pdf");

        Assert.Equal(new Grant("shared/", Grant.FromDefault), decision.Grant);
    }

    [Fact]
    public void ScopeOf_NoOwnGrantsAndNoDefaults_GrantsNothing()
    {
        var policy = Policy(new FilesOptions { Bucket = "acme-files" });

        var scope = policy.ScopeOf(User([]));

        Assert.True(scope.GrantsNothing);
        Assert.Equal(PathAccessKind.Forbidden, policy.ForFile(User([]), "README.txt").Kind);
        Assert.Null(policy.ForSearch(User([]), ""));
    }

    [Fact]
    public void ForFolder_RootOfSeveralLocations_ShowsOnlyTheLocationsWithAGrant()
    {
        var policy = Policy(SeveralOptions);

        var access = policy.ForFolder(User("builds/2024/"), "");

        Assert.Equal(PathAccessKind.Folders, access.Kind);
        Assert.Equal(["builds/"], access.Folders);
    }

    [Fact]
    public void ForFolder_InsideAGrant_ReadsThatLocationWithItsRoleAndTheGrantsThere()
    {
        var policy = Policy(SeveralOptions);

        var access = policy.ForFolder(User("builds/2024/", "logs/app/"), "builds/2024/x/");

        Assert.Equal(PathAccessKind.Read, access.Kind);
        Assert.Equal("artifacts/2024/x/", access.Target!.Key);
        Assert.Equal("builds", access.Target.Location.Name);
        Assert.Equal(["artifacts/2024/"], access.Target.Credentials.Prefixes);
    }

    [Fact]
    public void ForFolder_EverythingButNoSuchLocation_IsNoSuchLocation()
    {
        var access = Policy(SeveralOptions).ForFolder(User("*"), "nowhere/");

        Assert.Equal(PathAccessKind.NoSuchLocation, access.Kind);
    }

    [Fact]
    public void ForSearch_AboveTheGrants_WalksEachGrantedFolderBelow()
    {
        var roots = Policy(SeveralOptions).ForSearch(User("logs/app/", "logs/web/", "builds/2024/"), "logs/");

        Assert.Equal(["app/", "web/"], roots!.Select(r => r.Key));
    }

    [Fact]
    public void ForSearch_RootWithEverything_WalksEveryLocation()
    {
        var roots = Policy(SeveralOptions).ForSearch(User("*"), "");

        Assert.Equal([("logs", ""), ("builds", "artifacts/")], roots!.Select(r => (r.Location.Name, r.Key)));
    }

    [Fact]
    public void CredentialsFor_Everything_IsTheWholeBucketOrTheWholeSubtree()
    {
        var policy = Policy(SeveralOptions);
        var locations = FileLocations.From(SeveralOptions, Aws);
        var everything = AccessScope.From(["*"]);

        Assert.Empty(policy.CredentialsFor("ada", everything, locations.All[0])!.Prefixes);
        Assert.Equal(["artifacts/"], policy.CredentialsFor("ada", everything, locations.All[1])!.Prefixes);
    }

    [Fact]
    public void CredentialsFor_GrantsInOneLocation_GiveThatLocationsKeysAndRoleOnly()
    {
        var policy = Policy(SeveralOptions);
        var locations = FileLocations.From(SeveralOptions, Aws);
        var scope = AccessScope.From(["logs/app/", "builds/2024/", "builds/2025/"]);

        var logs = policy.CredentialsFor("ada", scope, locations.All[0])!;
        var builds = policy.CredentialsFor("ada", scope, locations.All[1])!;

        Assert.Equal(["app/"], logs.Prefixes);
        Assert.Equal(["artifacts/2024/", "artifacts/2025/"], builds.Prefixes);
        Assert.Equal("arn:aws:iam::222222222222:role/ci-reader", builds.Location.RoleArn);
        Assert.NotEqual(logs.CacheKey, builds.CacheKey);
    }

    [Fact]
    public void CredentialsFor_NoGrantInTheLocation_IsNullNeverTheWholeBucket()
    {
        var policy = Policy(SeveralOptions);
        var locations = FileLocations.From(SeveralOptions, Aws);

        Assert.Null(policy.CredentialsFor("ada", AccessScope.From(["logs/app/"]), locations.All[1]));
        Assert.Null(policy.CredentialsFor("ada", AccessScope.Nothing, locations.All[0]));
        Assert.Null(policy.CredentialsFor("ada", AccessScope.From(["logsx/"]), locations.All[0]));
    }

    [Fact]
    public void CredentialsFor_SameGrantsInTwoLocations_AreCachedApart()
    {
        var files = new FilesOptions
        {
            Locations = [new LocationOptions { Name = "a", Bucket = "bucket-a" }, new LocationOptions { Name = "b", Bucket = "bucket-b" }],
        };
        var policy = Policy(files);
        var locations = FileLocations.From(files, Aws);
        var everything = AccessScope.From(["*"]);

        Assert.NotEqual(
            policy.CredentialsFor("ada", everything, locations.All[0])!.CacheKey,
            policy.CredentialsFor("ada", everything, locations.All[1])!.CacheKey);
    }

    [Fact]
    public void CredentialsFor_AUserNamedLikeTheReadinessProbe_NeverSharesItsCredentials()
    {
        var locations = FileLocations.From(new FilesOptions { Bucket = "acme-files" }, Aws);
        var policy = new AccessPolicy(locations, Options.Create(new FilesOptions { Bucket = "acme-files" }));

        var user = policy.CredentialsFor(RoleSessionNames.ReadinessProbeName, AccessScope.From(["*"]), locations.All[0])!;
        var probe = RoleRequest.ForReadiness(locations.All[0]);

        Assert.NotEqual(probe.CacheKey, user.CacheKey);
        Assert.StartsWith(RoleSessionNames.UserPrefix, user.SessionName, StringComparison.Ordinal);
    }
}
