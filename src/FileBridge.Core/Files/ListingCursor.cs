using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FileBridge.Core.Files;

/// <summary>
/// The opaque <c>nextCursor</c>: S3's continuation token bound to the prefix it was issued for.
/// The binding is a hash, not a keyed MAC: it needs no secret shared between instances or kept across
/// restarts, and forging one gains nothing because authorization is always checked on the requested prefix
/// and S3 validates its own token. What it does stop is a cursor for one folder being used for another.
/// </summary>
public static class ListingCursor
{
    private const byte Version = 1;
    private const int DigestLength = 16;

    /// <summary>S3 tokens are short; anything much longer than this is not a cursor we issued.</summary>
    public const int MaxLength = 4096;

    public static string Encode(string prefix, string continuationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrEmpty(continuationToken);
        var token = Encoding.UTF8.GetBytes(continuationToken);
        var payload = new byte[1 + DigestLength + token.Length];
        payload[0] = Version;
        Digest(prefix, token).CopyTo(payload.AsSpan(1));
        token.CopyTo(payload.AsSpan(1 + DigestLength));
        return Base64Url.EncodeToString(payload);
    }

    /// <summary>S3's continuation token, or null when the cursor is malformed, tampered with or for another prefix.</summary>
    public static string? TryDecode(string cursor, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return null;
        }

        if (payload.Length <= 1 + DigestLength || payload[0] != Version)
        {
            return null;
        }

        var token = payload.AsSpan(1 + DigestLength);
        if (!CryptographicOperations.FixedTimeEquals(payload.AsSpan(1, DigestLength), Digest(prefix, token)))
        {
            return null;
        }

        return Encoding.UTF8.GetString(token);
    }

    private static byte[] Digest(string prefix, ReadOnlySpan<byte> token)
    {
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var input = new byte[prefixBytes.Length + 1 + token.Length];
        prefixBytes.CopyTo(input, 0);
        input[prefixBytes.Length] = 0;
        token.CopyTo(input.AsSpan(prefixBytes.Length + 1));
        return SHA256.HashData(input)[..DigestLength];
    }
}
