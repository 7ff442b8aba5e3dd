namespace FileBridge.Core.Files;

/// <param name="Key">The full object key, to pass to the download route.</param>
/// <param name="Name">The key relative to the listed prefix.</param>
public sealed record FileEntry(string Key, string Name, long Size, DateTimeOffset? LastModified);
