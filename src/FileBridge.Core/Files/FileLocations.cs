using FileBridge.Core.Aws;

namespace FileBridge.Core.Files;

/// <summary>
/// The configured locations and the namespace people see. With <c>Files:Locations</c> a path starts with the
/// location name ("logs/2024/a.txt" is key "2024/a.txt" below that location's subtree); with <c>Files:Bucket</c>
/// alone there is one unnamed location and a path is the key itself, as before locations existed.
/// </summary>
public sealed class FileLocations
{
    private FileLocations(IReadOnlyList<FileLocation> all, bool isNamespaced)
    {
        All = all;
        IsNamespaced = isNamespaced;
    }

    /// <summary>Every location in configuration order (readiness checks each one's bucket and role).</summary>
    public IReadOnlyList<FileLocation> All { get; }

    /// <summary>True when paths start with a location name.</summary>
    public bool IsNamespaced { get; }

    /// <summary>Built once, at start-up, from the validated <c>Files</c> and <c>Aws</c> sections.</summary>
    public static FileLocations From(FilesOptions files, AwsOptions aws)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(aws);
        if (files.Locations.Count == 0)
        {
            return new FileLocations([new FileLocation("", files.Bucket, "", aws.RoleArn, aws.Region)], isNamespaced: false);
        }

        var all = files.Locations
            .Select(l => new FileLocation(
                l.Name,
                l.Bucket,
                string.IsNullOrEmpty(l.Prefix) ? "" : PrefixGrant.Check(l.Prefix).Value ?? throw new ArgumentException($"Invalid prefix of location {l.Name}."),
                string.IsNullOrEmpty(l.RoleArn) ? aws.RoleArn : l.RoleArn,
                string.IsNullOrEmpty(l.Region) ? aws.Region : l.Region))
            .ToList();
        return new FileLocations(all, isNamespaced: true);
    }

    /// <summary>The namespace folder a location starts at: "logs/", or "" for the one unnamed location.</summary>
    public string RootOf(FileLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return IsNamespaced ? location.Name + "/" : "";
    }

    /// <summary>The location a path (folder prefix or key) lies in and its S3 key, or null when it names no location.</summary>
    public (FileLocation Location, string Key)? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsNamespaced)
        {
            return (All[0], path);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var name = path[..slash];
        var location = All.FirstOrDefault(l => l.Name == name);
        return location is null ? null : (location, location.Prefix + path[(slash + 1)..]);
    }

    /// <summary>The namespace path of an S3 key (or folder prefix) that lies below <paramref name="location"/>'s subtree.</summary>
    public string ToPath(FileLocation location, string key)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(key);
        return RootOf(location) + key[location.Prefix.Length..];
    }
}
