namespace FileBridge.Core.Sessions;

/// <summary>The person behind a valid session.</summary>
/// <param name="OwnPrefixes">The user's own prefix list; null means the configured defaults apply.</param>
public sealed record AuthenticatedUser(
    string Id,
    string DisplayName,
    IReadOnlyList<string>? OwnPrefixes,
    DateTimeOffset ExpiresAt);
