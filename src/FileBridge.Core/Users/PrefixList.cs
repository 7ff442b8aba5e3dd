namespace FileBridge.Core.Users;

/// <summary>The <c>;</c>-separated prefix lists used by the Prefixes column and Files:DefaultPrefixes.</summary>
public static class PrefixList
{
    public static IReadOnlyList<string> Parse(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Format(IEnumerable<string> prefixes) => string.Join(';', prefixes);
}
