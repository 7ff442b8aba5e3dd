using FileBridge.Core.Groups;

namespace FileBridge.Core.Tests.Groups;

public sealed class GroupNameTests
{
    [Theory]
    [InlineData("ops")]
    [InlineData(" Ops-Team_2 ")]
    [InlineData("équipe")]
    public void IsValid_OrdinaryNames_AreValid(string name) => Assert.True(GroupName.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a/b")]
    [InlineData("a;b")]
    [InlineData("group:ops")]
    [InlineData("two words")]
    [InlineData("what?")]
    [InlineData("a#b")]
    public void IsValid_NamesThatCannotBeKeysOrListEntries_AreRefused(string name) => Assert.False(GroupName.IsValid(name));

    [Fact]
    public void IsValid_TooLong_IsRefused() => Assert.False(GroupName.IsValid(new string('a', GroupName.MaxLength + 1)));

    [Fact]
    public void Normalize_TrimsAndLowerCases() => Assert.Equal("ops", GroupName.Normalize("  OPS "));
}
