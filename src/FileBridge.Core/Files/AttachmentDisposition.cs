using System.Text;

namespace FileBridge.Core.Files;

/// <summary>
/// The <c>Content-Disposition</c> S3 sends with a presigned download (RFC 6266): an ASCII <c>filename</c> for old
/// clients and an RFC 8187 <c>filename*</c> with the real UTF-8 name for everyone else.
/// </summary>
public static class AttachmentDisposition
{
    public static string For(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            // Quotes, backslashes and non-ASCII would need escaping that clients implement inconsistently.
            fallback.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_');
        }

        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
