namespace FileBridge.Core.Users;

/// <summary>An operator's edit of a user; null members stay as they are.</summary>
/// <param name="RevokeSessions">Ends the user's sessions by giving the row a new security stamp.</param>
/// <param name="TemporaryPasswordExpiresAt">
/// With <paramref name="PasswordHash"/>: set for a temporary password, null for a permanent one (the column is always
/// written with a new hash, so a permanent password never inherits an old expiry).
/// </param>
/// <param name="NewDeviceEpoch">Device cookies issued so far stop counting as the person's known browsers.</param>
public sealed record UserChange(
    string? DisplayName = null,
    string? PasswordHash = null,
    bool? Disabled = null,
    IReadOnlyList<string>? Prefixes = null,
    bool ResetLockout = false,
    bool RevokeSessions = false,
    DateTimeOffset? TemporaryPasswordExpiresAt = null,
    bool NewDeviceEpoch = false)
{
    /// <summary>
    /// True when the change alters who may sign in or what they may see: the row then gets a new security
    /// stamp, which ends every existing session at its next request.
    /// </summary>
    public bool EndsSessions => PasswordHash is not null || Disabled is not null || Prefixes is not null || RevokeSessions;
}
