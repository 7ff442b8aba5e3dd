using FileBridge.Core.Sessions;

namespace FileBridge.Core.Tests.Sessions;

public sealed class ClientDescriptionTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome on iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/114.0.0.0", "Opera on Windows")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on ChromeOS")]
    [InlineData("curl/8.5.0", "curl on unknown system")]
    [InlineData("something-else/1.0", "Unknown browser on unknown system")]
    public void FromUserAgent_KnownFamilies_AreNamed(string userAgent, string expected)
    {
        var description = ClientDescription.FromUserAgent(userAgent);

        Assert.Equal(expected, description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void FromUserAgent_NoHeader_IsNull(string? userAgent)
    {
        var description = ClientDescription.FromUserAgent(userAgent);

        Assert.Null(description);
    }

    [Fact]
    public void FromUserAgent_HugeOrHostileHeader_IsShortAndCarriesNoneOfItsText()
    {
        var userAgent = "<script>alert(1)</script> Chrome/1.0 " + new string('x', 10_000) + " Linux";

        var description = ClientDescription.FromUserAgent(userAgent);

        Assert.Equal("Chrome on Linux", description);
        Assert.True(description!.Length <= ClientDescription.MaxLength);
        Assert.DoesNotContain("script", description, StringComparison.OrdinalIgnoreCase);
    }
}
