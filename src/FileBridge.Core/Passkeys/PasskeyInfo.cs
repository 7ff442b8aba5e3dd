namespace FileBridge.Core.Passkeys;

/// <summary>A passkey as the account page shows it: <see cref="Id"/> is the base64url credential id.</summary>
public sealed record PasskeyInfo(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static PasskeyInfo From(StoredPasskey passkey) => new(passkey.CredentialId, passkey.Name, passkey.CreatedAt, passkey.LastUsedAt);
}
