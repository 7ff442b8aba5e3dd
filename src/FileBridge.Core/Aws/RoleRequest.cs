namespace FileBridge.Core.Aws;

/// <summary>Whose credentials to get, and for which prefixes.</summary>
/// <param name="UserId">The signed-in user's id; it names the role session.</param>
/// <param name="Prefixes">Normalized folder prefixes, sorted; empty means the whole bucket.</param>
public sealed record RoleRequest(string UserId, IReadOnlyList<string> Prefixes)
{
    /// <summary>The credential cache key: one entry per user and scope.</summary>
    public string CacheKey => $"{UserId}\n{string.Join('\n', Prefixes)}";
}
