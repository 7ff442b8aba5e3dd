namespace FileBridge.Core.Users;

/// <summary>An operator's edit of a user; null members stay as they are.</summary>
/// <param name="RevokeSessions">Ends the user's sessions by giving the row a new security stamp.</param>
/// <param name="TemporaryPasswordExpiresAt">
/// With <paramref name="PasswordHash"/>: set for a temporary password, null for a permanent one (the column is always
/// written with a new hash, so a permanent password never inherits an old expiry).
/// </param>
/// <param name="NewDeviceEpoch">Device cookies issued so far stop counting as the person's known browsers.</param>
/// <param name="Groups">The user's groups (normalized names); an empty list leaves them in none.</param>
/// <param name="IfMatch">
/// The ETag of the row the change was based on: the write is refused (<see cref="UserChangedException"/>) when the row
/// changed since. Null writes whatever the row holds now.
/// </param>
public sealed record UserChange(
    string? DisplayName = null,
    string? PasswordHash = null,
    bool? Disabled = null,
    IReadOnlyList<string>? Prefixes = null,
    bool ResetLockout = false,
    bool RevokeSessions = false,
    DateTimeOffset? TemporaryPasswordExpiresAt = null,
    bool NewDeviceEpoch = false,
    IReadOnlyList<string>? Groups = null,
    Azure.ETag? IfMatch = null)
{
    /// <summary>
    /// True when the change alters who may sign in: the row then gets a new security stamp, which ends every existing
    /// session at its next request. Grant and membership changes (<see cref="Prefixes"/>, <see cref="Groups"/>) never
    /// do: they change what the next request may see, and credentials are cached per scope, so none for the old scope
    /// is used for the new one.
    /// </summary>
    public bool EndsSessions => PasswordHash is not null || Disabled is not null || RevokeSessions;
}
