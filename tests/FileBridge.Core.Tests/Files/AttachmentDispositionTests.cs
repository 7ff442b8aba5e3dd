using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class AttachmentDispositionTests
{
    [Theory]
    [InlineData("design.md", "attachment; filename=\"design.md\"; filename*=UTF-8''design.md")]
    [InlineData("Résumé draft.txt", "attachment; filename=\"R_sum_ draft.txt\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20draft.txt")]
    [InlineData("a\"b\\c.txt", "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt")]
    public void For_GivesAsciiFallbackAndUtf8Name(string fileName, string expected)
    {
        Assert.Equal(expected, AttachmentDisposition.For(fileName));
    }
}
