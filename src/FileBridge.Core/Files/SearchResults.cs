namespace FileBridge.Core.Files;

/// <summary>One page of a search: the body of <c>GET /api/files/search</c>.</summary>
/// <param name="Prefix">The folder searched (normalized).</param>
/// <param name="Query">What was searched for.</param>
/// <param name="Files">Matches; <c>name</c> is the path relative to <paramref name="Prefix"/>, folders included.</param>
/// <param name="Scanned">How many keys this request read.</param>
/// <param name="NextCursor">Continues the walk; null when the subtree is done.</param>
public sealed record SearchResults(string Prefix, string Query, IReadOnlyList<FileEntry> Files, int Scanned, string? NextCursor);
