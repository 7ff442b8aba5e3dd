namespace FileBridge.Core.Passkeys;

/// <summary>What a challenge was issued for: one issued to register cannot be spent signing in, and back.</summary>
public enum ChallengePurpose
{
    Registration,
    Assertion,
}
