using FileBridge.Core.Aws;
using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Aws;

/// <summary>The session policy always fits: grants packed into the fewest policies of at most 2,048 characters.</summary>
public sealed class SessionPolicyPacksTests
{
    private const string Bucket = "acme-files-with-a-fairly-long-bucket-name";

    private static List<string> Grants(int count, string root = "projects/") =>
        Enumerable.Range(0, count).Select(i => $"{root}team-{i:D3}/shared/").ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(200)]
    public void Pack_AnyNumberOfGrants_EveryPolicyFitsAndEveryGrantIsInExactlyOnePack(int count)
    {
        var grants = Grants(count);

        var packs = SessionPolicyPacks.Pack(Bucket, grants);

        Assert.All(packs, p => Assert.InRange(SessionPolicy.Build(Bucket, p)!.Length, 1, SessionPolicy.MaxLength));
        Assert.Equal(grants.Order(StringComparer.Ordinal), packs.SelectMany(p => p).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pack_SixtyGrants_UsesNoMorePacksThanTheLengthsRequire()
    {
        var grants = Grants(60);
        var frame = (2 * SessionPolicy.Build(Bucket, ["a/"])!.Length) - SessionPolicy.Build(Bucket, ["a/", "a/"])!.Length;
        // The grants are all as long as each other: a policy holds as many as fit, so fewer packs cannot hold them all.
        var share = SessionPolicy.Build(Bucket, [grants[0]])!.Length - frame;
        var perPack = (SessionPolicy.MaxLength - frame) / share;
        var atLeast = (int)Math.Ceiling(grants.Count / (double)perPack);

        var packs = SessionPolicyPacks.Pack(Bucket, grants);

        Assert.True(packs.Count > 1, "60 grants cannot fit one policy; the test would prove nothing");
        Assert.Equal(atLeast, packs.Count);
    }

    [Fact]
    public void Pack_SameGrantsInAnyOrder_GivesTheSamePacks()
    {
        var grants = Grants(80);
        var shuffled = grants.OrderBy(_ => Random.Shared.Next()).ToList();

        Assert.Equal(Flatten(SessionPolicyPacks.Pack(Bucket, grants)), Flatten(SessionPolicyPacks.Pack(Bucket, shuffled)));
    }

    [Fact]
    public void Pack_EscapedCharacters_AreCountedAsSent()
    {
        // Each 'é' is written as \u00E9 (6 characters) and '+' as \u002B: a count of characters before escaping would overflow.
        var grants = Enumerable.Range(0, 40).Select(i => $"équipe+été-{i:D2}/").ToList();

        var packs = SessionPolicyPacks.Pack(Bucket, grants);

        Assert.Contains(@"\u00E9", SessionPolicy.Build(Bucket, packs[0]), StringComparison.Ordinal);
        Assert.All(packs, p => Assert.True(SessionPolicy.Build(Bucket, p)!.Length <= SessionPolicy.MaxLength));
    }

    [Fact]
    public void Pack_GrantThatCannotFitAlone_IsLeftOut()
    {
        var tooLong = "deep/" + string.Concat(Enumerable.Repeat("a-very-long-folder-name/", 40));

        var packs = SessionPolicyPacks.Pack(Bucket, ["logs/", tooLong]);

        Assert.Equal([["logs/"]], Flatten(packs));
    }

    [Fact]
    public void Pack_PackAwsRefused_IsSplitInHalves()
    {
        var grants = Grants(6);
        var whole = SessionPolicyPacks.Pack(Bucket, grants);
        Assert.Single(whole);

        var packs = SessionPolicyPacks.Pack(Bucket, grants, pack => pack.Count == 6);

        Assert.Equal([grants.Take(3).ToList(), grants.Skip(3).ToList()], Flatten(packs));
    }

    [Fact]
    public void HalfCovering_KeyInTheSecondHalf_IsThatHalf()
    {
        var location = new FileLocation("", Bucket, "", "arn:aws:iam::111111111111:role/reader", "eu-west-1");
        var request = new RoleRequest("ada", Grants(4), location);

        var half = request.HalfCovering("projects/team-003/shared/a.txt")!;

        Assert.Equal(["projects/team-002/shared/", "projects/team-003/shared/"], half.Prefixes);
        Assert.NotEqual(request.CacheKey, half.CacheKey);
        Assert.Equal(request.SessionName, half.SessionName);
        Assert.Null(new RoleRequest("ada", ["logs/"], location).HalfCovering("logs/a"));
    }

    private static List<List<string>> Flatten(IReadOnlyList<IReadOnlyList<string>> packs) => packs.Select(p => p.ToList()).ToList();
}
