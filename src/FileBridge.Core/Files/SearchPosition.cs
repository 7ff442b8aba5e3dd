using System.Globalization;

namespace FileBridge.Core.Files;

/// <summary>
/// Where a search walk stopped: which of its folders and the last key read there. Encoded as a
/// <see cref="ListingCursor"/> bound to the folder and the text searched, so a cursor of one search cannot continue
/// another; it grants nothing, since every request checks scope again.
/// </summary>
internal sealed record SearchPosition(int Root, string? StartAfter)
{
    public string Encode(string prefix, string text) =>
        ListingCursor.Encode(Binding(prefix, text), $"{Root.ToString(CultureInfo.InvariantCulture)}\n{StartAfter}");

    public static SearchPosition? TryDecode(string cursor, string prefix, string text, int rootCount)
    {
        if (ListingCursor.TryDecode(cursor, Binding(prefix, text)) is not { } payload)
        {
            return null;
        }

        var newline = payload.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || !int.TryParse(payload.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var root) || root >= rootCount)
        {
            return null;
        }

        var startAfter = payload[(newline + 1)..];
        return new SearchPosition(root, startAfter.Length == 0 ? null : startAfter);
    }

    private static string Binding(string prefix, string text) => $"search\0{prefix}\0{text.ToUpperInvariant()}";
}
