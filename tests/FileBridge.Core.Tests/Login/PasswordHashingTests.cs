using FileBridge.Core.Login;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Login;

public sealed class PasswordHashingTests
{
    private readonly PasswordHashing _hashing = new(Options.Create(new LoginOptions()));

    [Fact]
    public void Hash_Default_UsesIdentityV3AtOwaspStrength()
    {
        var hash = _hashing.Hash("a password");

        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2, (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]);
        Assert.Equal(210_000, PasswordHashing.ReadIterationCount(hash));
    }

    [Fact]
    public void Hash_ConfiguredIterations_AreWrittenIntoTheHash()
    {
        var hashing = new PasswordHashing(Options.Create(new LoginOptions { PasswordHashIterations = 300_000 }));

        var hash = hashing.Hash("a password");

        Assert.Equal(300_000, PasswordHashing.ReadIterationCount(hash));
    }

    [Fact]
    public void Verify_RightAndWrongPassword_AreTold()
    {
        var hash = _hashing.Hash("a password");

        Assert.Equal(PasswordCheck.Succeeded, _hashing.Verify(hash, "a password"));
        Assert.Equal(PasswordCheck.Failed, _hashing.Verify(hash, "A password"));
    }

    [Fact]
    public void Verify_WeakerStoredHash_AsksForRehash()
    {
        var weak = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
            .HashPassword(new object(), "a password");

        var check = _hashing.Verify(weak, "a password");

        Assert.Equal(PasswordCheck.SucceededRehashNeeded, check);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("AQ==")]
    public void Verify_UnreadableStoredHash_FailsWithoutThrowing(string stored)
    {
        var check = _hashing.Verify(stored, "a password");

        Assert.Equal(PasswordCheck.Failed, check);
    }
}
