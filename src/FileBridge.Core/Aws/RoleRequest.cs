using FileBridge.Core.Files;

namespace FileBridge.Core.Aws;

/// <summary>Whose credentials to get, for which location, and for which key prefixes there.</summary>
/// <param name="UserId">The signed-in user's id; it names the role session.</param>
/// <param name="Prefixes">Normalized key prefixes of the bucket, sorted; empty means the whole bucket.</param>
/// <param name="Location">The location whose role, bucket and region to use.</param>
public sealed record RoleRequest(string UserId, IReadOnlyList<string> Prefixes, FileLocation Location)
{
    /// <summary>The readiness probe's credentials are short-lived: they only prove that reading works.</summary>
    private static readonly TimeSpan ReadinessDuration = TimeSpan.FromMinutes(15);

    /// <summary>The <c>RoleSessionName</c> CloudTrail shows: derived from the user id, or the readiness probe's own name.</summary>
    public string SessionName { get; private init; } = RoleSessionNames.ForUser(UserId);

    /// <summary>How long the credentials should live; null for <c>Aws:SessionDuration</c>.</summary>
    public TimeSpan? Duration { get; private init; }

    /// <summary>The credential cache key: one entry per user, session name, location and scope.</summary>
    public string CacheKey => $"{UserId}\n{SessionName}\n{Location.Name}\n{string.Join('\n', Prefixes)}";

    /// <summary>The whole of <paramref name="location"/>, under the readiness probe's session name (no person's name can produce it).</summary>
    public static RoleRequest ForReadiness(FileLocation location) =>
        new(RoleSessionNames.ReadinessProbeName, [], location)
        {
            SessionName = RoleSessionNames.ReadinessProbeName,
            Duration = ReadinessDuration,
        };
}
