using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class PreviewTypesTests
{
    [Theory]
    [InlineData("a.png", "image/png")]
    [InlineData("A.JPG", "image/jpeg")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.gif", "image/gif")]
    [InlineData("a.webp", "image/webp")]
    [InlineData("a.pdf", "application/pdf")]
    [InlineData("a.txt", "text/plain; charset=utf-8")]
    [InlineData("a.csv", "text/plain; charset=utf-8")]
    [InlineData("a.log", "text/plain; charset=utf-8")]
    [InlineData("a.json", "text/plain; charset=utf-8")]
    [InlineData("a.md", "text/plain; charset=utf-8")]
    [InlineData("page.html.png", "image/png")]
    public void ContentTypeOf_SafeType_IsOurOwnType(string name, string expected) => Assert.Equal(expected, PreviewTypes.ContentTypeOf(name));

    [Theory]
    [InlineData("a.html")]
    [InlineData("a.htm")]
    [InlineData("a.svg")]
    [InlineData("a.xhtml")]
    [InlineData("a.xml")]
    [InlineData("a.js")]
    [InlineData("a.png.html")]
    [InlineData("a.txt ")]
    [InlineData("png")]
    [InlineData(".png")]
    [InlineData("noextension")]
    [InlineData("a.png;.html")]
    public void ContentTypeOf_AnythingElse_IsNull(string name) => Assert.Null(PreviewTypes.ContentTypeOf(name));

    [Theory]
    [InlineData("a\"; filename=evil.html.png")]
    [InlineData("a\r\nX-Injected: 1.png")]
    [InlineData("r\u00e9sum\u00e9 \u2014 draft.pdf")]
    public void InlineDisposition_HostileName_StaysOneQuotedParameterAndOneEncodedOne(string name)
    {
        var value = AttachmentDisposition.Inline(name);

        Assert.StartsWith("inline; filename=\"", value, StringComparison.Ordinal);
        Assert.Equal(2, value.Count(c => c == '"'));
        Assert.Equal(2, value.Count(c => c == ';'));
        Assert.DoesNotContain('\r', value);
        Assert.DoesNotContain('\n', value);
        Assert.EndsWith("filename*=UTF-8''" + Uri.EscapeDataString(name), value, StringComparison.Ordinal);
        Assert.All(value, c => Assert.InRange(c, ' ', '~'));
    }
}
