using System.Text.RegularExpressions;
using FileBridge.Core.Aws;

namespace FileBridge.Core.Tests.Aws;

public sealed partial class RoleSessionNamesTests
{
    [Theory]
    [InlineData("alice", "fb-alice")]
    [InlineData("a", "fb-a")]
    [InlineData("ada.lovelace@example.com", "fb-ada.lovelace@example.com")]
    [InlineData("john doe", "fb-john-doe")]
    [InlineData("zoë/ünïcode", "fb-zo---n-code")]
    [InlineData("x+y=z,w_v-u", "fb-x-y=z,w_v-u")]
    [InlineData("semi;colon:and*star", "fb-semi-colon-and-star")]
    public void ForUser_ReplacesCharactersStsRefuses(string userId, string expected)
    {
        var name = RoleSessionNames.ForUser(userId);

        Assert.Equal(expected, name);
    }

    [Fact]
    public void ForUser_LongId_IsCutTo64Characters()
    {
        var name = RoleSessionNames.ForUser(new string('a', 200));

        Assert.Equal(64, name.Length);
        Assert.StartsWith("fb-aaa", name, StringComparison.Ordinal);
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

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]{2,64}$")]
    private static partial Regex StsSessionName();
}
