namespace FileBridge.Core.Files;

/// <summary>The raw query of <c>GET /api/files</c>, as it arrived (already URL-decoded).</summary>
public sealed record ListFilesQuery(string? Prefix, string? Cursor, string? Limit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
}
