using System.Security.Cryptography;
using System.Text;
using FileBridge.Core.SecondFactor;

namespace FileBridge.Core.Tests.SecondFactor;

public sealed class SecretProtectorTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    private readonly SecretProtector _protector = new(new SecretsKey(RandomNumberGenerator.GetBytes(32)));

    [Fact]
    public void Protect_ThenUnprotect_GivesTheSecretBack()
    {
        var stored = _protector.Protect(Secret, "totp", "ann");

        Assert.Equal(Secret, _protector.Unprotect(stored, "totp", "ann"));
    }

    [Fact]
    public void Protect_WritesVersionedTextWithoutTheSecret()
    {
        var stored = _protector.Protect(Secret, "totp", "ann");

        Assert.StartsWith("v1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(OtpNet.Base32Encoding.ToString(Secret), stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, _protector.Protect(Secret, "totp", "ann"));
    }

    [Fact]
    public void Unprotect_OtherUsersRow_IsRefused()
    {
        var stored = _protector.Protect(Secret, "totp", "ann");

        Assert.Null(_protector.Unprotect(stored, "totp", "bob"));
    }

    [Fact]
    public void Unprotect_OtherPurpose_IsRefused()
    {
        var stored = _protector.Protect(Secret, "totp", "ann");

        Assert.Null(_protector.Unprotect(stored, "other", "ann"));
    }

    [Fact]
    public void Unprotect_OtherKey_IsRefused()
    {
        var stored = _protector.Protect(Secret, "totp", "ann");
        var other = new SecretProtector(new SecretsKey(RandomNumberGenerator.GetBytes(32)));

        Assert.Null(other.Unprotect(stored, "totp", "ann"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1.")]
    [InlineData("v1.!!!")]
    [InlineData("v2.AAAA")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    public void Unprotect_NotOurs_IsRefused(string? stored)
    {
        Assert.Null(_protector.Unprotect(stored, "totp", "ann"));
    }

    [Fact]
    public void Unprotect_AlteredCiphertext_IsRefused()
    {
        var stored = _protector.Protect(Secret, "totp", "ann");
        var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(stored[3..]);
        bytes[15] ^= 1;

        var altered = "v1." + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(bytes);

        Assert.Null(_protector.Unprotect(altered, "totp", "ann"));
    }
}
