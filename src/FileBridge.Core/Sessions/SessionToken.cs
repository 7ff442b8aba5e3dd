using System.Security.Cryptography;
using System.Text;

namespace FileBridge.Core.Sessions;

/// <summary>Session tokens: 256 random bits for the cookie; only their SHA-256 is ever stored.</summary>
public static class SessionToken
{
    private const int TokenBytes = 32;

    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Rejects values that could not have come from <see cref="Create"/> before any table lookup.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
