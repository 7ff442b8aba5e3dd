using System.Text.RegularExpressions;
using FileBridge.Core.SecondFactor;

namespace FileBridge.Core.Tests.SecondFactor;

public sealed class RecoveryCodesTests
{
    [Fact]
    public void NewSet_TenDistinctCodesOfSixGroupsOfFour()
    {
        var codes = RecoveryCodes.NewSet();

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(new Regex("^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$"), c));
    }

    [Fact]
    public void Characters_CarryAtLeast112Bits()
    {
        Assert.True(RecoveryCodes.Characters * 5 >= 112);
    }

    [Fact]
    public void Hash_IgnoresCaseSpacesAndDashes()
    {
        var code = RecoveryCodes.NewSet()[0];
        var typed = code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();

        Assert.Equal(RecoveryCodes.Hash(code), RecoveryCodes.Hash(typed));
        Assert.Equal(64, RecoveryCodes.Hash(code)!.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-IJKL-MNOP-QRST-UVW1")]
    [InlineData("ABCD-EFGH-IJKL-MNOP-QRST-UVWXY")]
    public void Hash_NotACode_IsNull(string? typed)
    {
        Assert.Null(RecoveryCodes.Hash(typed));
    }
}
