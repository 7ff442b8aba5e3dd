using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Files;

/// <summary>A person with many grants: credentials per (user, location, pack), each request using the pack that covers it.</summary>
public sealed class AccessPolicyPackTests
{
    private static readonly AwsOptions Aws = new() { Region = "eu-west-1", RoleArn = "arn:aws:iam::111111111111:role/reader" };

    private static readonly FilesOptions Files = new()
    {
        Locations =
        [
            new LocationOptions { Name = "logs", Bucket = "acme-logs" },
            new LocationOptions { Name = "builds", Bucket = "acme-ci", Prefix = "artifacts" },
        ],
    };

    private static readonly List<string> SixtyGrants = Enumerable.Range(0, 60).Select(i => $"logs/service-{i:D2}/2026/").ToList();

    private readonly PolicyPackSplits _splits = new();

    private AccessPolicy Policy() => new(FileLocations.From(Files, Aws), Options.Create(Files), _splits);

    private static AuthenticatedUser User(IReadOnlyList<string> own, params GrantList[] groups) =>
        new("ada", "Ada", own, DateTimeOffset.UtcNow.AddHours(1)) { GroupGrants = groups };

    [Fact]
    public void ForFile_EachOfSixtyGrants_UsesThePackThatCoversItAndFits()
    {
        var policy = Policy();
        var user = User(SixtyGrants);

        var requests = SixtyGrants.Select(g => policy.ForFile(user, g + "a.log").Target!.Credentials).ToList();

        Assert.All(requests.Zip(SixtyGrants), pair => Assert.Contains(pair.Second["logs/".Length..], pair.First.Prefixes));
        Assert.All(requests, r => Assert.True(SessionPolicy.Build(r.Location.Bucket, r.Prefixes)!.Length <= SessionPolicy.MaxLength));
        var packs = requests.Select(r => r.CacheKey).Distinct().Count();
        Assert.Equal(policy.PacksFor("ada", policy.ScopeOf(user), FileLocations.From(Files, Aws).All[0]).Count, packs);
        Assert.True(packs > 1);
    }

    [Fact]
    public void ForSearch_AboveSeveralPacks_WalksEachGrantWithItsOwnPack()
    {
        var policy = Policy();
        var user = User(SixtyGrants);

        var targets = policy.ForSearch(user, "logs/")!;

        Assert.Equal(60, targets.Count);
        Assert.All(targets, t => Assert.Contains(t.Credentials.Prefixes, p => t.Key.StartsWith(p, StringComparison.Ordinal)));
        Assert.True(targets.Select(t => t.Credentials.CacheKey).Distinct().Count() > 1);
    }

    [Fact]
    public void ForFile_GrantFromAGroup_IsReadWithCredentialsScopedToIt()
    {
        var policy = Policy();
        var user = User([], new GrantList(Grant.FromGroup("ci"), ["builds/nightly/"]));

        var target = policy.ForFile(user, "builds/nightly/app.zip").Target!;

        Assert.Equal(["artifacts/nightly/"], target.Credentials.Prefixes);
        Assert.Equal(PathAccessKind.Forbidden, policy.ForFile(user, "builds/release/app.zip").Kind);
    }

    [Fact]
    public void CredentialsFor_ScopeChanged_NeverSharesACacheKeyWithTheOldScope()
    {
        var policy = Policy();
        var logs = FileLocations.From(Files, Aws).All[0];

        var before = policy.CredentialsFor("ada", AccessScope.From(["logs/a/", "logs/b/"]), logs, "a/x")!;
        var after = policy.CredentialsFor("ada", AccessScope.From(["logs/a/"]), logs, "a/x")!;

        Assert.NotEqual(before.CacheKey, after.CacheKey);
    }

    [Fact]
    public void CredentialsFor_PackAwsRefused_IsSplitFromThenOn()
    {
        var policy = Policy();
        var logs = FileLocations.From(Files, Aws).All[0];
        var scope = AccessScope.From(["logs/a/", "logs/b/", "logs/c/", "logs/d/"]);
        var whole = policy.CredentialsFor("ada", scope, logs, "c/x")!;

        _splits.Refused(whole);

        var split = policy.CredentialsFor("ada", scope, logs, "c/x")!;
        Assert.Equal(["c/", "d/"], split.Prefixes);
        Assert.Equal(whole.HalfCovering("c/x")!.CacheKey, split.CacheKey);
    }

    [Fact]
    public void CredentialsFor_GrantTooLongForAnyPolicy_GrantsNothing()
    {
        var policy = Policy();
        var logs = FileLocations.From(Files, Aws).All[0];
        var tooLong = "logs/" + string.Concat(Enumerable.Repeat("a-very-long-folder-name/", 40));

        Assert.Null(policy.CredentialsFor("ada", AccessScope.From([tooLong, "logs/short/"]), logs, tooLong["logs/".Length..] + "x"));
        Assert.NotNull(policy.CredentialsFor("ada", AccessScope.From([tooLong, "logs/short/"]), logs, "short/x"));
    }
}
