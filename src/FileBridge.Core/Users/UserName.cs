namespace FileBridge.Core.Users;

/// <summary>The one place that turns what a person typed into the key of their row.</summary>
public static class UserName
{
    public const int MaxLength = 128;

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>
    /// True when the normalized name can be a table key: not empty, not too long, and free of the
    /// characters Azure Tables forbid in keys ('/', '\', '#', '?') and of control characters.
    /// </summary>
    public static bool IsValid(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return false;
        }

        var normalized = Normalize(userName);
        return normalized.Length <= MaxLength
            && !normalized.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }
}
