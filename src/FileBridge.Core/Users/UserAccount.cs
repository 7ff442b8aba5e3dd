using Azure;

namespace FileBridge.Core.Users;

/// <summary>A row of the Users table as the app needs it; <see cref="ETag"/> guards concurrent updates.</summary>
/// <param name="SecurityStamp">Null for rows written before stamps existed; see <see cref="Users.SecurityStamp"/>.</param>
public sealed record UserAccount(
    string Id,
    string DisplayName,
    string PasswordHash,
    bool Disabled,
    IReadOnlyList<string>? Prefixes,
    int FailedLogins,
    DateTimeOffset? LockedUntil,
    ETag ETag,
    string? SecurityStamp = null)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
