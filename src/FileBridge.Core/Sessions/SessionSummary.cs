namespace FileBridge.Core.Sessions;

/// <summary>One of a person's sessions as their list shows it: no token, no token hash.</summary>
/// <param name="Current">The session the request listing them came with.</param>
public sealed record SessionSummary(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    string? Client,
    string? Address,
    bool Current);
