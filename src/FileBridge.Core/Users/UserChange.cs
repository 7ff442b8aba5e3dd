namespace FileBridge.Core.Users;

/// <summary>An operator's edit of a user; null members stay as they are.</summary>
public sealed record UserChange(
    string? DisplayName = null,
    string? PasswordHash = null,
    bool? Disabled = null,
    IReadOnlyList<string>? Prefixes = null,
    bool ResetLockout = false);
