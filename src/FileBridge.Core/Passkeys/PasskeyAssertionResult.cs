namespace FileBridge.Core.Passkeys;

/// <summary>Whose passkey signed (with user verification: both factors), or null when the assertion was refused.</summary>
public sealed record PasskeyAssertionResult(string? UserId, string? CredentialId)
{
    public static readonly PasskeyAssertionResult Refused = new(null, null);

    public bool Succeeded => UserId is not null;
}
