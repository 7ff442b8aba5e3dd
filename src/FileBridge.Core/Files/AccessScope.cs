namespace FileBridge.Core.Files;

/// <summary>
/// The folders one user may see. It fails closed: <c>*</c> alone is the whole bucket, folder prefixes are those
/// folders, and anything else (no entries at all, or only entries that cannot be granted) is nothing.
/// </summary>
public sealed class AccessScope
{
    private AccessScope(IReadOnlyList<string> prefixes, bool isWholeBucket)
    {
        Prefixes = prefixes;
        IsWholeBucket = isWholeBucket;
    }

    public static AccessScope Nothing { get; } = new([], isWholeBucket: false);

    /// <summary>Sorted, distinct folder prefixes ending in '/'; empty for the whole bucket and for nothing at all.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public bool IsWholeBucket { get; }

    /// <summary>True when nothing is readable: no grant, or only grants that were refused.</summary>
    public bool GrantsNothing => !IsWholeBucket && Prefixes.Count == 0;

    /// <summary>
    /// Normalizes granted prefixes to folders: "home/alice" becomes "home/alice/" so it cannot also match
    /// "home/alice-private/". Entries <see cref="PrefixGrant.Check"/> refuses are dropped rather than widening access.
    /// </summary>
    public static AccessScope From(IEnumerable<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        var entries = granted.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        if (PrefixGrant.IsEverything(entries))
        {
            return new AccessScope([], isWholeBucket: true);
        }

        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (PrefixGrant.Check(entry).Value is { } prefix)
            {
                prefixes.Add(prefix);
            }
        }

        // "a/" already covers "a/b/": keep the policy small and the synthetic folders simple.
        var minimal = prefixes.Where(p => !prefixes.Any(other => other != p && p.StartsWith(other, StringComparison.Ordinal))).ToList();
        return minimal.Count == 0 ? Nothing : new AccessScope(minimal, isWholeBucket: false);
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
