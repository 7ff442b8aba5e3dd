using Amazon.S3.Model;

namespace FileBridge.Core.Files;

/// <summary>How an S3 object becomes a file entry of a listing or a search: its path in the namespace, relative name, size, time, and whether it can be previewed.</summary>
internal static class FileEntries
{
    /// <param name="locations">The namespace.</param>
    /// <param name="location">The location the object was listed in.</param>
    /// <param name="s3Object">The object as S3 listed it.</param>
    /// <param name="relativeTo">The folder listed or searched: <c>name</c> is the path relative to it.</param>
    public static FileEntry Of(FileLocations locations, FileLocation location, S3Object s3Object, string relativeTo)
    {
        var path = locations.ToPath(location, s3Object.Key);
        // The download route serves inline exactly what PreviewTypes names, so the entry says the same.
        return new FileEntry(path, path[relativeTo.Length..], s3Object.Size ?? 0, ToOffset(s3Object.LastModified), PreviewTypes.ContentTypeOf(S3Paths.LastSegment(path)) is not null);
    }

    internal static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;
}
