using System.Text.RegularExpressions;
using FileBridge.Core.Aws;

namespace FileBridge.Core.Tests.Aws;

public sealed partial class RoleSessionNamesTests
{
    [Theory]
    [InlineData("alice", "fb-alice-")]
    [InlineData("a", "fb-a-")]
    [InlineData("ada.lovelace@example.com", "fb-ada.lovelace@example.com-")]
    [InlineData("john doe", "fb-john-doe-")]
    [InlineData("zoë/ünïcode", "fb-zo---n-code-")]
    [InlineData("x+y=z,w_v-u", "fb-x-y=z,w_v-u-")]
    [InlineData("semi;colon:and*star", "fb-semi-colon-and-star-")]
    public void ForUser_ReadablePart_ReplacesCharactersStsRefuses(string userId, string expectedStart)
    {
        var name = RoleSessionNames.ForUser(userId);

        Assert.StartsWith(expectedStart, name, StringComparison.Ordinal);
        Assert.Equal(expectedStart.Length + RoleSessionNames.HashLength, name.Length);
        Assert.Matches(StsSessionName(), name);
    }

    [Fact]
    public void ForUser_SameId_GivesTheSameName()
    {
        Assert.Equal(RoleSessionNames.ForUser("alice@example.com"), RoleSessionNames.ForUser("alice@example.com"));
    }

    [Fact]
    public void ForUser_IdsThatReadTheSame_GetDifferentNames()
    {
        var plus = RoleSessionNames.ForUser("a+b");
        var minus = RoleSessionNames.ForUser("a-b");

        Assert.StartsWith("fb-a-b-", plus, StringComparison.Ordinal);
        Assert.StartsWith("fb-a-b-", minus, StringComparison.Ordinal);
        Assert.NotEqual(plus, minus);
    }

    [Fact]
    public void ForUser_LongIdsThatShareABeginning_GetDifferentNames()
    {
        var common = new string('a', 100);

        var first = RoleSessionNames.ForUser(common + "-first@example.com");
        var second = RoleSessionNames.ForUser(common + "-second@example.com");

        Assert.Equal(RoleSessionNames.MaxLength, first.Length);
        Assert.Equal(RoleSessionNames.MaxLength, second.Length);
        Assert.Equal(first[..^RoleSessionNames.HashLength], second[..^RoleSessionNames.HashLength]);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ForUser_ManyIds_NeverCollide()
    {
        var ids = Enumerable.Range(0, 20_000).Select(i => $"user{i}@example.com").Concat(["a+b", "a-b", "a b", "a/b", "a_b"]).ToList();

        var names = ids.Select(RoleSessionNames.ForUser).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ids.Count, names.Count);
    }

    [Fact]
    public void ForUser_LongId_IsCutTo64Characters()
    {
        var name = RoleSessionNames.ForUser(new string('a', 200));

        Assert.Equal(64, name.Length);
        Assert.StartsWith("fb-aaa", name, StringComparison.Ordinal);
        Assert.Matches(StsSessionName(), name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u0000\u0001")]
    [InlineData("日本語のユーザー名")]
    public void ForUser_AnyInput_MatchesStsRules(string userId)
    {
        var name = RoleSessionNames.ForUser(userId);

        Assert.Matches(StsSessionName(), name);
    }

    [Fact]
    public void ReadinessProbeName_CannotBeProducedByAnyUser()
    {
        Assert.False(RoleSessionNames.ReadinessProbeName.StartsWith(RoleSessionNames.UserPrefix, StringComparison.Ordinal));
        Assert.Matches(StsSessionName(), RoleSessionNames.ReadinessProbeName);
    }

    // STS's own rule, less '+' (Ceph refuses it).
    [GeneratedRegex(@"^[A-Za-z0-9_=,.@-]{2,64}$")]
    private static partial Regex StsSessionName();
}
