using FileBridge.Core.Files;

namespace FileBridge.Core.Aws;

/// <summary>Whose credentials to get, for which location, and for which key prefixes there.</summary>
/// <param name="UserId">The signed-in user's id; it names the role session.</param>
/// <param name="Prefixes">Normalized key prefixes of the bucket, sorted; empty means the whole bucket.</param>
/// <param name="Location">The location whose role, bucket and region to use; null for <c>Files:Bucket</c> and <c>Aws:RoleArn</c>.</param>
public sealed record RoleRequest(string UserId, IReadOnlyList<string> Prefixes, FileLocation? Location = null)
{
    /// <summary>The credential cache key: one entry per user, location and scope.</summary>
    public string CacheKey => $"{UserId}\n{Location?.Name}\n{string.Join('\n', Prefixes)}";
}
