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

    /// <summary>True when AWS refused this request's policy for its packed size (<c>PackedPolicyTooLarge</c>).</summary>
    public static bool IsPackedPolicyTooLarge(Exception exception) =>
        exception is UpstreamUnavailableException { InnerException: Amazon.Runtime.AmazonServiceException { ErrorCode: "PackedPolicyTooLarge" } };

    /// <summary>
    /// The half of this request's pack (<see cref="SessionPolicyPacks.Halve"/>) holding the prefix that covers
    /// <paramref name="key"/>, or null when the pack cannot be split (one prefix, or the whole bucket).
    /// </summary>
    public RoleRequest? HalfCovering(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Prefixes.Count < 2)
        {
            return null;
        }

        var (first, second) = SessionPolicyPacks.Halve(Prefixes);
        var half = first.Any(p => key.StartsWith(p, StringComparison.Ordinal)) ? first : second;
        return this with { Prefixes = half };
    }

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
