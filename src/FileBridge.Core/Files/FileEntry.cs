namespace FileBridge.Core.Files;

/// <param name="Key">The full object key, to pass to the download route.</param>
/// <param name="Name">The key relative to the listed prefix.</param>
/// <param name="Previewable">
/// True when the download route serves the key inline (<see cref="PreviewTypes"/>): the page offers View from this
/// and keeps no type list of its own.
/// </param>
public sealed record FileEntry(string Key, string Name, long Size, DateTimeOffset? LastModified, bool Previewable);
