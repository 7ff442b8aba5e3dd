using Azure;

namespace FileBridge.Core.Passkeys;

/// <summary>One registered passkey. <see cref="CredentialId"/> is base64url, as the API names it.</summary>
public sealed record StoredPasskey(
    string UserHandle,
    string CredentialId,
    string UserId,
    string Name,
    byte[] PublicKey,
    uint SignCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    IReadOnlyList<string> Transports,
    ETag ETag = default);
