using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace FileBridge.Functions.Telemetry;

/// <summary>
/// Table point reads and writes carry the row's keys in the URL path (<c>/Users(PartitionKey='ada',RowKey='ada')</c>),
/// and the Users table's key is the name typed at sign-in, which may be a password typed into the wrong field. Every
/// span is scrubbed before any exporter sees it: a key in parentheses after a table name becomes <c>(…)</c> in the
/// URL attributes and the span name, and query strings (filters name keys too) are dropped.
/// </summary>
public sealed partial class TableKeyRedactionProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "url.path", "http.url", "http.target", "url.original"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value && Redact(value) is var redacted && !ReferenceEquals(redacted, value))
            {
                data.SetTag(tag, redacted);
            }
        }

        data.SetTag("url.query", null);
        if (Redact(data.DisplayName) is var name && !ReferenceEquals(name, data.DisplayName))
        {
            data.DisplayName = name;
        }
    }

    /// <summary>The text with table keys and any query string removed; the same instance when there was nothing to remove.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = text.IndexOf('?', StringComparison.Ordinal);
        var withoutQuery = query >= 0 && text.Contains("://", StringComparison.Ordinal) ? text[..query] : text;
        var redacted = EntityKeys().Replace(withoutQuery, "$1(…)");
        return redacted == text ? text : redacted;
    }

    // A table name (3-63 letters and digits, starting with a letter) right after a '/', then parentheses holding anything.
    [GeneratedRegex(@"(/[A-Za-z][A-Za-z0-9]{2,62})\([^/]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex EntityKeys();
}
