namespace FileBridge.Core.Passkeys;

/// <summary>
/// A registration's outcome: the new passkey, or null when the ceremony was refused. <see cref="RecoveryCodes"/>
/// is set when this was the person's first factor (shown once).
/// </summary>
public sealed record PasskeyRegistrationResult(PasskeyInfo? Passkey, IReadOnlyList<string>? RecoveryCodes)
{
    public static readonly PasskeyRegistrationResult Refused = new(null, null);
}
