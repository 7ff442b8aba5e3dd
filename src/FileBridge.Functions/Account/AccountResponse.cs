using FileBridge.Functions.Http;

namespace FileBridge.Functions.Account;

/// <summary><c>GET /api/account</c>: <c>{"user","secondFactor","factors":{"totp","passkeys","recoveryCodesLeft"},"passwordExpiresAt"}</c>.</summary>
public sealed record AccountResponse(
    SessionUserResponse.UserSummary User,
    string SecondFactor,
    AccountResponse.FactorCounts Factors,
    DateTimeOffset? PasswordExpiresAt)
{
    public sealed record FactorCounts(bool Totp, int Passkeys, int RecoveryCodesLeft);
}
