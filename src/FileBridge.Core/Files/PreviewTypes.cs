namespace FileBridge.Core.Files;

/// <summary>
/// The file types a browser may show inline, by extension, with the Content-Type S3 is told to send. The type is
/// always ours, never the object's stored one: an uploader controls that (and the name), and "text/html" or
/// "image/svg+xml" shown inline would run script on the bucket's origin. Text is always plain text in UTF-8, so a
/// ".txt" holding HTML is shown as its source.
/// </summary>
public static class PreviewTypes
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".pdf"] = "application/pdf",
        [".txt"] = PlainText,
        [".csv"] = PlainText,
        [".log"] = PlainText,
        [".json"] = PlainText,
        [".md"] = PlainText,
    };

    private const string PlainText = "text/plain; charset=utf-8";

    /// <summary>The safe inline Content-Type for <paramref name="fileName"/>, or null when it must stay an attachment.</summary>
    public static string? ContentTypeOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var dot = fileName.LastIndexOf('.');
        return dot > 0 && ContentTypes.TryGetValue(fileName[dot..], out var type) ? type : null;
    }
}
