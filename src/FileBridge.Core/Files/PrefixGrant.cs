namespace FileBridge.Core.Files;

/// <summary>
/// What may be written in a <c>Prefixes</c> column or in <c>Files:DefaultPrefixes</c>: <c>*</c> alone for everything,
/// or folder prefixes. The app compares prefixes literally, but the session policy hands them to IAM, which reads
/// <c>*</c> and <c>?</c> as wildcards and <c>${...}</c> as a variable; such a grant would reach further on the AWS side
/// than the app believes, so it is refused (and, when stored anyway, grants nothing).
/// </summary>
public static class PrefixGrant
{
    /// <summary>The grant of the whole bucket (or, with locations, of everything).</summary>
    public const string Everything = "*";

    /// <summary>True when <paramref name="entries"/> is <c>*</c> alone: the only way to grant everything.</summary>
    public static bool IsEverything(IReadOnlyCollection<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Count > 0 && entries.All(e => e == Everything);
    }

    /// <summary>One granted folder, normalized to end in '/', or why it cannot be granted.</summary>
    public static PathCheck Check(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Contains('*', StringComparison.Ordinal) || entry.Contains('?', StringComparison.Ordinal) || entry.Contains("${", StringComparison.Ordinal))
        {
            return PathCheck.Fail(
                $"'{entry}' holds '*', '?' or '${{', which IAM reads as a wildcard or a variable; grant '*' alone for everything, or folders without them.");
        }

        var check = S3Paths.NormalizePrefix(entry);
        if (check.Value is "")
        {
            return PathCheck.Fail("an empty prefix grants nothing; use '*' alone to grant everything.");
        }

        return check.Value is null ? PathCheck.Fail($"'{entry}' is not a valid prefix: {check.Error}") : check;
    }

    /// <summary>The first reason a whole list cannot be granted, or null when it can.</summary>
    public static string? FirstError(IReadOnlyCollection<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (IsEverything(entries))
        {
            return null;
        }

        if (entries.Contains(Everything))
        {
            return "'*' grants everything and must stand alone.";
        }

        return entries.Select(e => Check(e).Error).FirstOrDefault(e => e is not null);
    }
}
