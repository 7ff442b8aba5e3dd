namespace FileBridge.Core.Aws;

/// <summary>
/// Splits one location's key prefixes into session policies that AWS accepts: each at most
/// <see cref="SessionPolicy.MaxLength"/> characters, as few as first-fit-decreasing finds, always the same packs for
/// the same prefixes (credentials are cached per pack, so a pack that changed with every request would drive STS
/// calls). A prefix whose own policy cannot fit is left out: such a grant grants nothing.
/// </summary>
public static class SessionPolicyPacks
{
    /// <summary>
    /// The packs for <paramref name="keyPrefixes"/> in <paramref name="bucket"/>: each sorted, ordered by its first
    /// prefix. A pack <paramref name="tooLarge"/> says AWS refused (its packed size, <c>PackedPolicyTooLarge</c>) is split
    /// in halves (<see cref="Halve"/>) until AWS's word no longer applies or one prefix is left.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pack(string bucket, IReadOnlyList<string> keyPrefixes, Func<IReadOnlyList<string>, bool>? tooLarge = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(keyPrefixes);
        var distinct = keyPrefixes.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        // The policy's length is a fixed frame plus a share per prefix (the structure repeats per entry), so a pack's
        // length is known without writing it: the frame is what two copies of one prefix cost less than twice one.
        var one = Length(bucket, ["a/"]);
        var frame = (2 * one) - Length(bucket, ["a/", "a/"]);
        var shares = distinct
            .Select(p => (Prefix: p, Share: Length(bucket, [p]) - frame))
            .Where(p => frame + p.Share <= SessionPolicy.MaxLength)
            .OrderByDescending(p => p.Share)
            .ThenBy(p => p.Prefix, StringComparer.Ordinal)
            .ToList();

        var bins = new List<(List<string> Prefixes, int Length)>();
        foreach (var (prefix, share) in shares)
        {
            var index = bins.FindIndex(b => b.Length + share <= SessionPolicy.MaxLength);
            if (index < 0)
            {
                bins.Add(([prefix], frame + share));
            }
            else
            {
                bins[index].Prefixes.Add(prefix);
                bins[index] = (bins[index].Prefixes, bins[index].Length + share);
            }
        }

        var packs = new List<IReadOnlyList<string>>();
        foreach (var bin in bins)
        {
            bin.Prefixes.Sort(StringComparer.Ordinal);
            AddSplitting(packs, bin.Prefixes, p => Length(bucket, p) > SessionPolicy.MaxLength || (tooLarge?.Invoke(p) ?? false));
        }

        return packs.OrderBy(p => p[0], StringComparer.Ordinal).ToList();
    }

    /// <summary>The two halves a refused pack is split into: the first half of its sorted prefixes (rounded up), and the rest.</summary>
    public static (IReadOnlyList<string> First, IReadOnlyList<string> Second) Halve(IReadOnlyList<string> pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var half = (pack.Count + 1) / 2;
        return (pack.Take(half).ToList(), pack.Skip(half).ToList());
    }

    private static void AddSplitting(List<IReadOnlyList<string>> packs, IReadOnlyList<string> pack, Func<IReadOnlyList<string>, bool> refused)
    {
        if (pack.Count > 1 && refused(pack))
        {
            var (first, second) = Halve(pack);
            AddSplitting(packs, first, refused);
            AddSplitting(packs, second, refused);
            return;
        }

        packs.Add(pack);
    }

    private static int Length(string bucket, IReadOnlyCollection<string> prefixes) => SessionPolicy.Build(bucket, prefixes)!.Length;
}
