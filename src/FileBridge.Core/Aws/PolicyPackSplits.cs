using System.Collections.Concurrent;

namespace FileBridge.Core.Aws;

/// <summary>
/// The packs AWS refused as <c>PackedPolicyTooLarge</c> (its packed size, which counts differently from characters):
/// remembered per location so that <see cref="SessionPolicyPacks.Pack"/> splits them from then on. Bounded: when full
/// it starts over, and a refused pack costs one more refused STS call before it is split again.
/// </summary>
public sealed class PolicyPackSplits
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.Ordinal);
    private int _version;

    public int Count => _refused.Count;

    /// <summary>Changes with every refusal recorded, so that packs remembered before it are packed again (<see cref="SessionPolicyPackMemo"/>).</summary>
    public int Version => Volatile.Read(ref _version);

    public void Refused(RoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_refused.Count >= MaxEntries)
        {
            _refused.Clear();
        }

        _refused[KeyOf(request.Location.Name, request.Prefixes)] = 0;
        Interlocked.Increment(ref _version);
    }

    public bool WasRefused(string locationName, IReadOnlyList<string> pack) => _refused.ContainsKey(KeyOf(locationName, pack));

    private static string KeyOf(string locationName, IReadOnlyList<string> pack) => locationName + "\n" + string.Join('\n', pack);
}
