using FileBridge.Core.Files;

namespace FileBridge.Core.Tests.Files;

public sealed class ListingCursorTests
{
    private const string Token = "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=";

    [Fact]
    public void Encode_ThenDecode_ReturnsTheToken()
    {
        var cursor = ListingCursor.Encode("archive/2024/", Token);

        Assert.Equal(Token, ListingCursor.TryDecode(cursor, "archive/2024/"));
    }

    [Fact]
    public void Encode_IsUrlSafeAndOpaque()
    {
        var cursor = ListingCursor.Encode("archive/2024/", Token);

        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
        Assert.DoesNotContain("archive", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_CursorOfAnotherPrefix_IsRejected()
    {
        var cursor = ListingCursor.Encode("home/alice/", Token);

        Assert.Null(ListingCursor.TryDecode(cursor, "home/bob/"));
        Assert.Null(ListingCursor.TryDecode(cursor, ""));
    }

    [Fact]
    public void TryDecode_AnyChangedCharacter_IsRejected()
    {
        var cursor = ListingCursor.Encode("archive/2024/", Token);

        for (var i = 0; i < cursor.Length; i++)
        {
            var tampered = cursor[..i] + (cursor[i] == 'A' ? 'B' : 'A') + cursor[(i + 1)..];
            Assert.Null(ListingCursor.TryDecode(tampered, "archive/2024/"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("====")]
    public void TryDecode_Garbage_IsRejected(string cursor)
    {
        Assert.Null(ListingCursor.TryDecode(cursor, "archive/2024/"));
    }

    [Fact]
    public void TryDecode_HugeCursor_IsRejectedWithoutDecoding()
    {
        Assert.Null(ListingCursor.TryDecode(new string('A', ListingCursor.MaxLength + 1), ""));
    }
}
