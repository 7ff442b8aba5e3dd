using FileBridge.Core.Passkeys;

namespace FileBridge.Core.Tests.Passkeys;

public sealed class PasskeyOriginsTests
{
    [Theory]
    [InlineData("files.example.com", "https://files.example.com", true)]
    [InlineData("example.com", "https://files.example.com", true)]
    [InlineData("example.com", "https://files.example.com:8443", true)]
    [InlineData("files.example.com", "https://example.com", false)]
    [InlineData("example.com", "https://badexample.com", false)]
    [InlineData("example.com", "http://files.example.com", false)]
    [InlineData("localhost", "http://localhost:7071", true)]
    [InlineData("localhost", "https://localhost", true)]
    [InlineData("localhost", "http://127.0.0.1:7071", false)]
    [InlineData("example.com", "https://files.example.com/path", false)]
    [InlineData("example.com", "not an origin", false)]
    public void IsAcceptable(string rpId, string origin, bool expected)
    {
        Assert.Equal(expected, PasskeyOrigins.IsAcceptable(rpId, origin));
    }

    [Fact]
    public void Accepted_AppOriginAndAllowedOrigins_DropsThoseOutsideTheRpId()
    {
        var accepted = PasskeyOrigins.Accepted(
            "example.com", "https://files.example.com/", ["https://web.example.com", "https://other.org", "http://web.example.com"]);

        Assert.Equal(["https://files.example.com", "https://web.example.com"], accepted.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("files.example.com", true)]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("https://files.example.com", false)]
    [InlineData("files.example.com:443", false)]
    [InlineData("::1", false)]
    public void IsHostName(string value, bool expected)
    {
        Assert.Equal(expected, PasskeyOrigins.IsHostName(value));
    }
}
