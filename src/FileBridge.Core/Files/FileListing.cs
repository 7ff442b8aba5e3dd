namespace FileBridge.Core.Files;

/// <summary>One page of a folder: the body of <c>GET /api/files</c>.</summary>
public sealed record FileListing(string Prefix, IReadOnlyList<FolderEntry> Folders, IReadOnlyList<FileEntry> Files, string? NextCursor);
