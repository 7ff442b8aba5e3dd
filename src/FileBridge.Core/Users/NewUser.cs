namespace FileBridge.Core.Users;

/// <param name="TemporaryPasswordExpiresAt">Set when <paramref name="PasswordHash"/> is of a temporary password.</param>
/// <param name="NoSecondFactor">A service account, see <see cref="UserAccount.NoSecondFactor"/>.</param>
public sealed record NewUser(
    string Id,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<string>? Prefixes,
    DateTimeOffset? TemporaryPasswordExpiresAt = null,
    bool NoSecondFactor = false);
