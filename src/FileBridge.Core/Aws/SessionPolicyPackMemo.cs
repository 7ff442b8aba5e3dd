using System.Collections.Concurrent;
using FileBridge.Core.Files;

namespace FileBridge.Core.Aws;

/// <summary>
/// <see cref="SessionPolicyPacks.Pack"/> remembered per location and set of key prefixes. Packing measures one policy
/// per prefix, which for a person with hundreds of grants (fifty groups) costs milliseconds at every request; the
/// packs depend only on the prefixes and on the refusals <see cref="PolicyPackSplits"/> holds, whose
/// <see cref="PolicyPackSplits.Version"/> is part of the key, so a refused pack is split at the next request.
/// Bounded: when full it starts over.
/// </summary>
public sealed class SessionPolicyPackMemo
{
    public const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<string, IReadOnlyList<IReadOnlyList<string>>> _packs = new(StringComparer.Ordinal);

    public int Count => _packs.Count;

    public IReadOnlyList<IReadOnlyList<string>> Pack(FileLocation location, IReadOnlyList<string> keyPrefixes, PolicyPackSplits? splits)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(keyPrefixes);
        var key = $"{splits?.Version ?? 0}\n{location.Name}\n{location.Bucket}\n{string.Join('\n', keyPrefixes)}";
        if (_packs.TryGetValue(key, out var packs))
        {
            return packs;
        }

        packs = SessionPolicyPacks.Pack(location.Bucket, keyPrefixes, pack => splits?.WasRefused(location.Name, pack) ?? false);
        if (_packs.Count >= MaxEntries)
        {
            _packs.Clear();
        }

        _packs[key] = packs;
        return packs;
    }
}
