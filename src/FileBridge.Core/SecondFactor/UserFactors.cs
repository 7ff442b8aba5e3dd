using Azure;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// The second-factor columns of one Users row, with the row's ETag. Secrets stay encrypted here; only
/// the services that use them decrypt.
/// </summary>
public sealed record UserFactors(
    string UserId,
    string? TotpSecret,
    string? TotpPendingSecret,
    long TotpLastStep,
    IReadOnlyList<string> RecoveryCodeHashes,
    string? PasskeyUserHandle,
    ETag ETag)
{
    public bool HasTotp => !string.IsNullOrEmpty(TotpSecret);
}
