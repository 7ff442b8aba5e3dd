using FileBridge.Core.Users;

namespace FileBridge.Core.Tests.Users;

public sealed class SecurityStampTests
{
    [Fact]
    public void New_IsRandomEachTime()
    {
        var stamps = Enumerable.Range(0, 100).Select(_ => SecurityStamp.New()).ToList();

        Assert.Equal(100, stamps.Distinct(StringComparer.Ordinal).Count());
        Assert.All(stamps, s => Assert.Matches("^[0-9a-f]{32}$", s));
    }

    [Fact]
    public void Matches_SameStamp_IsTrue()
    {
        var stamp = SecurityStamp.New();

        Assert.True(SecurityStamp.Matches(stamp, new string(stamp.AsSpan())));
    }

    [Theory]
    [InlineData("aaaa", "aaab")]
    [InlineData("aaaa", "AAAA")]
    [InlineData("aaaa", "aaaa ")]
    [InlineData("aaaa", null)]
    [InlineData("aaaa", "")]
    [InlineData(null, "aaaa")]
    [InlineData("", "aaaa")]
    public void Matches_DifferentOrMissingOnOneSide_IsFalse(string? session, string? user)
    {
        Assert.False(SecurityStamp.Matches(session, user));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(null, "")]
    public void Matches_RowWrittenBeforeStampsAndItsSessions_IsTrue(string? session, string? user)
    {
        Assert.True(SecurityStamp.Matches(session, user));
    }
}
