using Azure;

namespace FileBridge.Core.Sessions;

/// <summary>A row of the Sessions table, keyed by the token's hash.</summary>
public sealed record SessionRecord(
    string TokenHash,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset LastSeenAt)
{
    public ETag ETag { get; init; }

    /// <summary>The user's security stamp when the session was created; null for a user row without one.</summary>
    public string? SecurityStamp { get; init; }

    /// <summary>How the session was authenticated (<see cref="SessionAmr"/>); null for rows written before it was recorded.</summary>
    public string? Amr { get; init; }

    /// <summary>When the person last proved who they are; null for rows written before it was recorded (then <see cref="CreatedAt"/>).</summary>
    public DateTimeOffset? AuthenticatedAt { get; init; }

    /// <summary>The session's opaque id, its key in the per-user index; null for a session started before the index existed.</summary>
    public string? SessionId { get; init; }

    public bool IsActiveAt(DateTimeOffset now, TimeSpan idleTimeout) =>
        now < ExpiresAt && now < LastSeenAt + idleTimeout;
}
