using FileBridge.Core.Aws;
using FileBridge.Core.Files;
using Microsoft.Extensions.Configuration;

namespace FileBridge.Admin.Hosting;

/// <summary>
/// Where a grant lands on AWS's side, read from the app's <c>Files:Bucket</c> / <c>Files:Locations</c>, so the tool
/// can tell whether one grant's own session policy fits AWS's limit. Without those settings it assumes the longest
/// bucket name S3 allows: a grant the tool accepts then fits whatever bucket the app uses.
/// </summary>
public sealed class GrantLocations
{
    private const int LongestBucketName = 63;

    private readonly List<(string Name, string Bucket, string Prefix)> _locations;
    private readonly string _bucket;

    public GrantLocations(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _locations = configuration.GetSection($"{FilesOptions.SectionName}:{nameof(FilesOptions.Locations)}")
            .GetChildren()
            .Where(l => !string.IsNullOrWhiteSpace(l[nameof(LocationOptions.Name)]))
            .Select(l => (
                l[nameof(LocationOptions.Name)]!,
                BucketOrLongest(l[nameof(LocationOptions.Bucket)]),
                string.IsNullOrEmpty(l[nameof(LocationOptions.Prefix)]) ? "" : PrefixGrant.Check(l[nameof(LocationOptions.Prefix)]!).Value ?? ""))
            .ToList();
        _bucket = BucketOrLongest(configuration[$"{FilesOptions.SectionName}:{nameof(FilesOptions.Bucket)}"]);
    }

    /// <summary>The characters of the session policy that grants <paramref name="prefix"/> (a normalized folder) alone.</summary>
    public int PolicyLength(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix == PrefixGrant.Everything)
        {
            return 0;
        }

        var (bucket, key) = (_bucket, prefix);
        if (_locations.Count > 0)
        {
            var name = prefix[..prefix.IndexOf('/', StringComparison.Ordinal)];
            var location = _locations.FirstOrDefault(l => l.Name == name);
            if (location.Name is null)
            {
                // PrefixesInput refuses a grant outside every location before this is asked.
                return 0;
            }

            (bucket, key) = (location.Bucket, location.Prefix + prefix[(name.Length + 1)..]);
        }

        return key.Length == 0 ? 0 : SessionPolicy.Build(bucket, [key])!.Length;
    }

    /// <summary>True when <paramref name="prefix"/>'s own session policy fits (a stored grant that does not grants nothing).</summary>
    public bool Fits(string prefix) => PolicyLength(prefix) <= SessionPolicy.MaxLength;

    private static string BucketOrLongest(string? bucket) => string.IsNullOrWhiteSpace(bucket) ? new string('b', LongestBucketName) : bucket;
}
