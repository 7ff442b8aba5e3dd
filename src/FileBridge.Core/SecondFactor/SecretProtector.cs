using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Encrypts factor secrets under <see cref="SecretsKey"/> so that a copy of the storage account gives no
/// codes. Format, version 1: <c>v1.</c> followed by base64url of nonce (12 bytes) ‖ ciphertext ‖ tag
/// (16 bytes), AES-256-GCM, with the purpose and the user id as associated data: a ciphertext copied to
/// another person's row, or to another column, does not decrypt. The version prefix lets a later format
/// or key sit beside this one while rows are rewritten.
/// </summary>
public sealed class SecretProtector(SecretsKey key)
{
    private const string Version1 = "v1.";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Protect(ReadOnlySpan<byte> secret, string purpose, string userId)
    {
        var output = new byte[NonceBytes + secret.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagBytes);
        aes.Encrypt(nonce, secret, output.AsSpan(NonceBytes, secret.Length), output.AsSpan(NonceBytes + secret.Length), AssociatedData(purpose, userId));
        return Version1 + WebEncoders.Base64UrlEncode(output);
    }

    /// <summary>The secret, or null when the text is not ours, was altered, or belongs to another user or purpose.</summary>
    public byte[]? Unprotect(string? protectedText, string purpose, string userId)
    {
        if (protectedText is null || !protectedText.StartsWith(Version1, StringComparison.Ordinal))
        {
            return null;
        }

        byte[] input;
        try
        {
            input = WebEncoders.Base64UrlDecode(protectedText[Version1.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var secret = new byte[input.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagBytes);
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, secret.Length), input.AsSpan(NonceBytes + secret.Length), secret, AssociatedData(purpose, userId));
            return secret;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] AssociatedData(string purpose, string userId) => Encoding.UTF8.GetBytes($"{purpose}\n{userId}");
}
