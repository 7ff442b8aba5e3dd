namespace FileBridge.Core.Files;

/// <summary>The raw query of <c>GET /api/files/search</c>, as it arrived (already URL-decoded).</summary>
public sealed record SearchFilesQuery(string? Prefix, string? Query, string? Cursor, string? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxQueryLength = 200;
}
