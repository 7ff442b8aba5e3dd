namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Columns to write; null leaves a column as it is. An empty string (or an empty list) clears it: a
/// merge cannot remove a column, so "none" is stored as empty.
/// </summary>
public sealed record UserFactorsChange(
    string? TotpSecret = null,
    string? TotpPendingSecret = null,
    long? TotpLastStep = null,
    IReadOnlyList<string>? RecoveryCodeHashes = null,
    string? PasskeyUserHandle = null);
