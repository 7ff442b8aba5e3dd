namespace FileBridge.Core.Files;

/// <param name="Prefix">The full prefix ending in '/', to pass back as <c>prefix</c>.</param>
/// <param name="Name">The last segment, for display.</param>
public sealed record FolderEntry(string Prefix, string Name);
