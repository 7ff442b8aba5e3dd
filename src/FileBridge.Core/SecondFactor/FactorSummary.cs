namespace FileBridge.Core.SecondFactor;

/// <summary>What a person has. Recovery codes are no factor of their own: <see cref="HasFactor"/> counts TOTP and passkeys.</summary>
public sealed record FactorSummary(bool Totp, int Passkeys, int RecoveryCodesLeft)
{
    public static readonly FactorSummary None = new(false, 0, 0);

    public bool HasFactor => Totp || Passkeys > 0;

    /// <summary>The second-factor methods to offer, in the order the contract gives: passkey, totp, recovery.</summary>
    public IReadOnlyList<string> Methods =>
        [.. Passkeys > 0 ? ["passkey"] : Array.Empty<string>(),
         .. Totp ? ["totp"] : Array.Empty<string>(),
         .. HasFactor && RecoveryCodesLeft > 0 ? ["recovery"] : Array.Empty<string>()];
}
