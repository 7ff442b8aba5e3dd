namespace FileBridge.Core.Files;

/// <summary>The folders one user may see: their own prefixes, else Files:DefaultPrefixes; none means the whole bucket.</summary>
public sealed class AccessScope
{
    private AccessScope(IReadOnlyList<string> prefixes, bool isWholeBucket)
    {
        Prefixes = prefixes;
        IsWholeBucket = isWholeBucket;
    }

    /// <summary>Sorted, distinct folder prefixes ending in '/'; empty for the whole bucket (or for nothing at all).</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public bool IsWholeBucket { get; }

    /// <summary>True when the configured prefixes were all invalid: nothing is readable.</summary>
    public bool GrantsNothing => !IsWholeBucket && Prefixes.Count == 0;

    /// <summary>
    /// Normalizes configured prefixes to folders: "home/alice" becomes "home/alice/" so it cannot also match
    /// "home/alice-private/". Entries that are not valid prefixes are dropped rather than widening access.
    /// </summary>
    public static AccessScope From(IEnumerable<string> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        var anyConfigured = false;
        foreach (var raw in configured)
        {
            anyConfigured = true;
            if (S3Paths.NormalizePrefix(raw.Trim()) is { IsValid: true, Value: { } prefix })
            {
                if (prefix.Length == 0)
                {
                    return new AccessScope([], isWholeBucket: true);
                }

                prefixes.Add(prefix);
            }
        }

        // Every configured entry was invalid: deny everything instead of silently granting the whole bucket.
        if (anyConfigured && prefixes.Count == 0)
        {
            return new AccessScope([], isWholeBucket: false);
        }

        // "a/" already covers "a/b/": keep the policy small and the synthetic folders simple.
        var minimal = prefixes.Where(p => !prefixes.Any(other => other != p && p.StartsWith(other, StringComparison.Ordinal))).ToList();
        return new AccessScope(minimal, isWholeBucket: minimal.Count == 0);
    }

    /// <summary>True when everything under <paramref name="path"/> (a key or a folder prefix) may be read.</summary>
    public bool Allows(string path) => IsWholeBucket || Prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// For a folder above the allowed prefixes (e.g. "home/" when only "home/alice/" is allowed): the next folder
    /// level that leads towards them. Empty when <paramref name="prefix"/> leads nowhere.
    /// </summary>
    public IReadOnlyList<string> FoldersLeadingFrom(string prefix) =>
        Prefixes
            .Where(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p[..(p.IndexOf('/', prefix.Length) + 1)])
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
