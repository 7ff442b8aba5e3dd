using System.Text;

namespace FileBridge.Core.Files;

/// <summary>
/// The <c>Content-Disposition</c> S3 sends with a presigned download (RFC 6266): an ASCII <c>filename</c> for old
/// clients and an RFC 8187 <c>filename*</c> with the real UTF-8 name for everyone else.
/// The name is escaped in both, so no quote, ';' or line break in a key can add a parameter or a header.
/// </summary>
public static class AttachmentDisposition
{
    public static string For(string fileName) => Build("attachment", fileName);

    /// <summary>The same, shown in the browser; only for types <see cref="PreviewTypes"/> allows.</summary>
    public static string Inline(string fileName) => Build("inline", fileName);

    private static string Build(string disposition, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            // Quotes, backslashes and non-ASCII would need escaping that clients implement inconsistently; ';' is legal in a
            // quoted string but naive parsers split on it.
            fallback.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not ';' ? c : '_');
        }

        return $"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
