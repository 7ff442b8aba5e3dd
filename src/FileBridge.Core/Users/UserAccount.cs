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
    /// <summary>
    /// When the password is a temporary one (printed by <c>users add</c> or <c>users reset-password</c>), the moment it
    /// stops working; null for a password the person chose (or an operator set with <c>--permanent</c>).
    /// </summary>
    public DateTimeOffset? TemporaryPasswordExpiresAt { get; init; }

    /// <summary>A service account (<c>users add --no-second-factor</c>): may sign in with a password alone under <c>Required</c>.</summary>
    public bool NoSecondFactor { get; init; }

    /// <summary>
    /// Changed by a password reset, a factor reset, disable and delete: a device cookie issued under another epoch
    /// is no longer the person's known browser. Empty for rows written before epochs existed.
    /// </summary>
    public string DeviceEpoch { get; init; } = string.Empty;

    /// <summary>The groups the user belongs to (the <c>Groups</c> column, normalized names); their grants add to the user's own.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    public bool IsPasswordTemporary => TemporaryPasswordExpiresAt is not null;

    /// <summary>A temporary password past its lifetime signs nobody in (401 <c>invalid_credentials</c>, counted as a failure).</summary>
    public bool IsTemporaryPasswordExpiredAt(DateTimeOffset now) => TemporaryPasswordExpiresAt is { } expires && expires <= now;

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
