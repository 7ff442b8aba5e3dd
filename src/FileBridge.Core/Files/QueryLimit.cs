using System.Globalization;

namespace FileBridge.Core.Files;

/// <summary>The <c>limit</c> query parameter of listing and search: a whole number from 1 to <see cref="ListFilesQuery.MaxLimit"/>.</summary>
internal static class QueryLimit
{
    public static string Error => $"limit must be a whole number from 1 to {ListFilesQuery.MaxLimit}.";

    /// <summary>The limit, <paramref name="defaultLimit"/> when absent, or null when it is not a valid one.</summary>
    public static int? Parse(string? limit, int defaultLimit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return defaultLimit;
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= ListFilesQuery.MaxLimit
            ? value
            : null;
    }
}
