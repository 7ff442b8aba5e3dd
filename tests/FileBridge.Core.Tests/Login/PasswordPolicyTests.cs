using FileBridge.Core.Login;
using FileBridge.Core.Login.Passwords;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Login;

public sealed class PasswordPolicyTests
{
    /// <summary>The first 20 lines of the list, the 20 most common passwords, in order.</summary>
    public static TheoryData<string> TwentyMostCommon => new()
    {
        "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111", "1234567", "dragon",
        "123123", "baseball", "abc123", "football", "monkey", "letmein", "696969", "shadow", "master", "666666",
    };

    /// <summary>The 20 most common passwords of at least 12 characters: long enough, and still refused.</summary>
    public static TheoryData<string> TwentyMostCommonLong => new()
    {
        "123qweasdzxc", "1qaz2wsx3edc", "q1w2e3r4t5y6", "1q2w3e4r5t6y", "Mailcreated5240", "qazwsxedcrfv", "123456qwerty",
        "qwerty123456", "Sojdlg123aljg", "qwertyqwerty", "123456654321", "motherfucker", "PolniyPizdec0211", "leavemealone",
        "gfhjkmgfhjkm", "qazwsxedc123", "ghjcnjgfhjkm", "zxcasdqwe123", "ghhh47hj7649", "sonyericsson",
    };

    [Fact]
    public void CommonPasswords_HoldsOneHundredThousandLinesLessCaseDuplicates()
    {
        Assert.InRange(CommonPasswords.Count, 96_000, 100_000);
    }

    [Theory]
    [MemberData(nameof(TwentyMostCommon))]
    public void Check_TwentyMostCommonWithMinimumEight_RefusesEach(string password)
    {
        var verdict = Policy(minLength: 8).Check(password, "ada");

        Assert.Equal(password.Length < 8 ? WeakPasswordReason.TooShort : WeakPasswordReason.Common, verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(TwentyMostCommonLong))]
    public void Check_TwentyMostCommonLongOnes_AreCommon(string password)
    {
        var verdict = Policy().Check(password, "ada");

        Assert.Equal(WeakPasswordReason.Common, verdict.Reason);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("PassWord1234")]
    [InlineData("passwordpassword")]
    [InlineData("abcdefghijkl")]
    public void Check_ListedInAnyCase_IsCommon(string password)
    {
        Assert.Equal(WeakPasswordReason.Common, Policy().Check(password, "ada").Reason);
    }

    [Theory]
    [InlineData("password1234!")]
    [InlineData(" password1234")]
    [InlineData("baseball1234")]
    [InlineData("iloveyou1234")]
    [InlineData("correct horse battery staple")]
    [InlineData("Passw0rd2026!")]
    public void Check_NearMissesOfListedPasswords_AreAccepted(string password)
    {
        var verdict = Policy().Check(password, "ada");

        Assert.True(verdict.IsAccepted, verdict.Message);
    }

    [Theory]
    [InlineData(8, "abcdefg", WeakPasswordReason.TooShort)]
    [InlineData(8, "zq-harbor", null)]
    [InlineData(12, "zq-harbor-7", WeakPasswordReason.TooShort)]
    [InlineData(12, "zq-harbor-77", null)]
    public void Check_Length_FollowsMinPasswordLength(int minLength, string password, string? reason)
    {
        Assert.Equal(reason, Policy(minLength).Check(password, "ada").Reason);
    }

    [Fact]
    public void Check_SixtyFourAndMoreCharacters_AreAllowed()
    {
        var password = string.Concat(Enumerable.Repeat("harbor lantern ", 10));

        Assert.True(Policy().Check(password, "ada").IsAccepted);
    }

    [Theory]
    [InlineData("my-Alice-harbor-7")]
    [InlineData("ALICEharbor2026")]
    [InlineData("harbor-liddell-77")]
    [InlineData("FileBridge-harbor-7")]
    [InlineData("my-filebridge-demo-2026")]
    public void Check_ContainsTheNameOrTheProduct_IsRefused(string password)
    {
        var verdict = Policy().Check(password, "alice", "Alice Liddell");

        Assert.Equal(WeakPasswordReason.ContainsName, verdict.Reason);
    }

    [Fact]
    public void Check_ShortDisplayNameWords_DoNotCount()
    {
        var verdict = Policy().Check("Ann-of-Bo-harbor-7", "ann.bo", "Ann Bo");

        Assert.True(verdict.IsAccepted, verdict.Message);
    }

    [Fact]
    public void Check_SameAsTheTemporaryPassword_IsRefused()
    {
        var verdict = Policy().Check("Tq7-harbor-lantern", "ada", temporaryPassword: "Tq7-harbor-lantern");

        Assert.Equal(WeakPasswordReason.SameAsTemporary, verdict.Reason);
    }

    [Fact]
    public void Check_Message_NeverHoldsThePassword()
    {
        var verdict = Policy().Check("qwerty123456", "ada");

        Assert.DoesNotContain("qwerty123456", verdict.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static PasswordPolicy Policy(int minLength = 12) => new(Options.Create(new LoginOptions { MinPasswordLength = minLength }));
}
