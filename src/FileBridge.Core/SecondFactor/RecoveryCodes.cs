using System.Security.Cryptography;
using System.Text;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Recovery codes: 24 base32 characters (120 bits) shown in groups of four, stored only as SHA-256. The
/// codes are random enough that an unsalted hash cannot be searched backwards.
/// </summary>
public static class RecoveryCodes
{
    public const int SetSize = 10;
    public const int Characters = 24;
    private const int GroupSize = 4;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static IReadOnlyList<string> NewSet() =>
        Enumerable.Range(0, SetSize).Select(_ => Format(RandomNumberGenerator.GetString(Alphabet, Characters))).ToList();

    /// <summary>The hash of what a person typed: spaces, dashes and case do not matter.</summary>
    public static string? Hash(string? typed)
    {
        var normalized = Normalize(typed);
        return normalized is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }

    private static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var normalized = new string(typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return normalized.Length == Characters && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? normalized : null;
    }

    private static string Format(string code) =>
        string.Join('-', Enumerable.Range(0, Characters / GroupSize).Select(i => code.Substring(i * GroupSize, GroupSize)));
}
