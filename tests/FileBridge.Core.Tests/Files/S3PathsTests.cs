using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class S3PathsTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("home/", "home/")]
    [InlineData("home", "home/")]
    [InlineData("home/alice", "home/alice/")]
    [InlineData("shared/Résumé drafts/", "shared/Résumé drafts/")]
    [InlineData("a b/c+d/", "a b/c+d/")]
    [InlineData("%2e%2e/", "%2e%2e/")] // double-encoded: after ASP.NET Core's one decoding this is a literal key, not '..'
    [InlineData("...hidden/", "...hidden/")]
    public void NormalizePrefix_ValidPrefix_EndsWithSlash(string? raw, string expected)
    {
        var result = S3Paths.NormalizePrefix(raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData("home/../etc/")]
    [InlineData("home/..")]
    [InlineData("./home/")]
    [InlineData("/home/")]
    [InlineData("/")]
    [InlineData("home//alice/")]
    [InlineData("home\\alice\\")]
    [InlineData("home/\u0000/")]
    [InlineData("home/\n/")]
    [InlineData("home/\u007f/")]
    [InlineData("\uffff/")]
    [InlineData("projects/\ufffe")]
    [InlineData("a\ufdd0b/")]
    public void NormalizePrefix_TraversalOrUnsafeCharacters_IsRefused(string raw)
    {
        var result = S3Paths.NormalizePrefix(raw);

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void NormalizePrefix_BrokenUnicode_IsRefused()
    {
        var loneSurrogate = "home/" + (char)0xD800 + "/";

        Assert.False(S3Paths.NormalizePrefix(loneSurrogate).IsValid);
    }

    [Theory]
    [InlineData("%2e%2e%2f")]
    [InlineData("home%2f..%2fbob%2f")]
    [InlineData("%2Fetc%2F")]
    [InlineData("home%5C..%5C")]
    [InlineData("home%2F%2Fx")]
    [InlineData("a%00b")]
    public void NormalizePrefix_UrlEncodedTricks_AreRefusedOnceDecoded(string encoded)
    {
        // ASP.NET Core hands the functions the query value decoded once, as here.
        var result = S3Paths.NormalizePrefix(Uri.UnescapeDataString(encoded));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void NormalizePrefix_Over1024Bytes_IsRefused()
    {
        var atLimit = new string('a', 1023) + "/";
        var overByMultibyte = new string('é', 512) + "/";

        Assert.True(S3Paths.NormalizePrefix(atLimit).IsValid);
        Assert.False(S3Paths.NormalizePrefix(overByMultibyte).IsValid);
    }

    [Theory]
    [InlineData("README.txt", true)]
    [InlineData("home/alice/todo.txt", true)]
    [InlineData("shared/Résumé draft.txt", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("home/alice/", false)]
    [InlineData("home/../bob/todo.txt", false)]
    [InlineData("../README.txt", false)]
    [InlineData("/README.txt", false)]
    [InlineData("home\\alice\\todo.txt", false)]
    [InlineData("home//todo.txt", false)]
    [InlineData("todo\r\n.txt", false)]
    public void ValidateKey_FollowsThePrefixRules(string? key, bool valid)
    {
        var result = S3Paths.ValidateKey(key);

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("home/alice/", "alice")]
    [InlineData("home/", "home")]
    [InlineData("home/alice/todo.txt", "todo.txt")]
    [InlineData("README.txt", "README.txt")]
    public void LastSegment_ReturnsTheName(string path, string expected)
    {
        Assert.Equal(expected, S3Paths.LastSegment(path));
    }
}
