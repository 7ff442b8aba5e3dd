using FileBridge.Core.Users;

namespace FileBridge.Core.Files;

/// <summary>
/// The folders one person may read, each with the grant behind it. It fails closed: <c>*</c> standing alone in one
/// list is everything, folder prefixes are those folders, and anything else (no entries at all, or only entries that
/// cannot be granted, a <c>*</c> inside a list included) is nothing.
/// </summary>
public sealed class AccessScope
{
    private AccessScope(IReadOnlyList<Grant> grants, bool fromDefaults)
    {
        Grants = grants;
        FromDefaults = fromDefaults;
        IsEverything = grants is [{ IsEverything: true }];
        Prefixes = IsEverything ? [] : grants.Select(g => g.Prefix).ToList();
    }

    public static AccessScope Nothing { get; } = new([], fromDefaults: false);

    /// <summary>The effective grants: one <c>*</c> grant, or sorted folder grants none of which lies inside another.</summary>
    public IReadOnlyList<Grant> Grants { get; }

    /// <summary>Sorted, distinct folder prefixes ending in '/'; empty for everything and for nothing at all.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public bool IsEverything { get; }

    /// <summary>True when the grants come from <c>Files:DefaultPrefixes</c> because the person has none of their own.</summary>
    public bool FromDefaults { get; }

    /// <summary>True when nothing is readable: no grant, or only grants that were refused.</summary>
    public bool GrantsNothing => Grants.Count == 0;

    /// <summary>The person's own list when it holds anything, else <c>Files:DefaultPrefixes</c>; nothing when both are empty.</summary>
    /// <param name="own">The user's <c>Prefixes</c> column; null or empty means the defaults apply.</param>
    /// <param name="defaultPrefixes">The raw <c>Files:DefaultPrefixes</c> setting.</param>
    public static AccessScope Resolve(IReadOnlyList<string>? own, string? defaultPrefixes) =>
        own is { Count: > 0 }
            ? Of([new GrantList(Grant.FromUser, own)], fromDefaults: false)
            : Of([new GrantList(Grant.FromDefault, PrefixList.Parse(defaultPrefixes))], fromDefaults: true);

    /// <summary>
    /// The person's effective grants: their own list and every group's, each grant remembering where it comes from;
    /// <c>Files:DefaultPrefixes</c> only when neither the person nor any of their groups lists anything.
    /// </summary>
    /// <param name="own">The user's <c>Prefixes</c> column; null or empty adds nothing.</param>
    /// <param name="groups">One list per group the person belongs to (<see cref="Grant.FromGroup"/>).</param>
    /// <param name="defaultPrefixes">The raw <c>Files:DefaultPrefixes</c> setting.</param>
    public static AccessScope Resolve(IReadOnlyList<string>? own, IReadOnlyList<GrantList> groups, string? defaultPrefixes)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var lists = new List<GrantList>();
        if (own is { Count: > 0 })
        {
            lists.Add(new GrantList(Grant.FromUser, own));
        }

        // Ordered by name, so a folder two groups grant is always explained by the same one.
        lists.AddRange(groups.Where(g => g.Entries.Any(e => !string.IsNullOrWhiteSpace(e))).OrderBy(g => g.From, StringComparer.Ordinal));
        return lists.Count > 0
            ? Of(lists, fromDefaults: false)
            : Of([new GrantList(Grant.FromDefault, PrefixList.Parse(defaultPrefixes))], fromDefaults: true);
    }

    /// <summary>One list of the person's own grants.</summary>
    public static AccessScope From(IEnumerable<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        return Of([new GrantList(Grant.FromUser, granted.ToList())], fromDefaults: false);
    }

    /// <summary>
    /// The union of several lists. Folders are normalized ("home/alice" becomes "home/alice/", so it cannot also match
    /// "home/alice-private/"); entries <see cref="PrefixGrant.Check"/> refuses are dropped rather than widening access;
    /// a folder inside another granted folder adds nothing and is dropped (the first list naming a folder keeps it).
    /// </summary>
    public static AccessScope Of(IEnumerable<GrantList> lists, bool fromDefaults = false)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var folders = new SortedDictionary<string, Grant>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var entries = list.Entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
            if (PrefixGrant.IsEverything(entries))
            {
                return new AccessScope([new Grant(PrefixGrant.Everything, list.From)], fromDefaults);
            }

            foreach (var entry in entries)
            {
                if (PrefixGrant.Check(entry).Value is { } prefix)
                {
                    folders.TryAdd(prefix, new Grant(prefix, list.From));
                }
            }
        }

        // "a/" already covers "a/b/": keep the session policy small and the folders on the way down simple. In ordinal
        // order every folder inside "a/" follows "a/" directly, so one pass comparing with the last folder kept finds
        // them all (a person in many groups has hundreds of grants, resolved at every request).
        var minimal = new List<Grant>(folders.Count);
        foreach (var grant in folders.Values)
        {
            if (minimal.Count == 0 || !grant.Prefix.StartsWith(minimal[^1].Prefix, StringComparison.Ordinal))
            {
                minimal.Add(grant);
            }
        }

        return minimal.Count == 0 && !fromDefaults ? Nothing : new AccessScope(minimal, fromDefaults);
    }

    /// <summary>True when everything under <paramref name="path"/> (a key or a folder prefix) may be read.</summary>
    public bool Allows(string path) => Decide(path).Allowed;

    /// <summary>Whether everything under <paramref name="path"/> may be read, with the grant that allows it or the nearest ones.</summary>
    public AccessDecision Decide(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var allowing = Grants.FirstOrDefault(g => g.IsEverything || path.StartsWith(g.Prefix, StringComparison.Ordinal));
        return allowing is not null ? AccessDecision.AllowedBy(allowing) : AccessDecision.Refused(NearestTo(path));
    }

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

    /// <summary>The grants sharing the most leading folders with <paramref name="path"/>; all of them when none shares one.</summary>
    private List<Grant> NearestTo(string path)
    {
        var shared = Grants.Select(g => (Grant: g, Depth: SharedFolders(g.Prefix, path))).ToList();
        var best = shared.Count == 0 ? 0 : shared.Max(s => s.Depth);
        return shared.Where(s => s.Depth == best).Select(s => s.Grant).ToList();
    }

    private static int SharedFolders(string prefix, string path)
    {
        var depth = 0;
        for (var i = 0; i < prefix.Length && i < path.Length && prefix[i] == path[i]; i++)
        {
            if (prefix[i] == '/')
            {
                depth++;
            }
        }

        return depth;
    }
}
