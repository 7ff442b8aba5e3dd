namespace FileBridge.Core.Groups;

/// <summary>The one place that turns a typed group name into the key of its row, as <see cref="Users.UserName"/> does for users.</summary>
public static class GroupName
{
    public const int MaxLength = 128;

    public static string Normalize(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return groupName.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// True when the normalized name can be a table key and a list entry: not empty, not too long, and free of the
    /// characters Azure Tables forbid in keys ('/', '\', '#', '?'), of ';' (the <c>Groups</c> column's separator),
    /// of ':' (it would read as a provenance like <c>group:ops</c>) and of control characters and white space.
    /// </summary>
    public static bool IsValid(string? groupName)
    {
        if (string.IsNullOrWhiteSpace(groupName))
        {
            return false;
        }

        var normalized = Normalize(groupName);
        return normalized.Length <= MaxLength
            && !normalized.Any(c => c is '/' or '\\' or '#' or '?' or ';' or ':' || char.IsControl(c) || char.IsWhiteSpace(c));
    }
}
