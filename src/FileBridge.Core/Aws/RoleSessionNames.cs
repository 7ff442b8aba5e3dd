using System.Security.Cryptography;
using System.Text;

namespace FileBridge.Core.Aws;

/// <summary>Turns a user id into an AssumeRole <c>RoleSessionName</c>, so that CloudTrail names the person.</summary>
public static class RoleSessionNames
{
    public const int MaxLength = 64;

    /// <summary>
    /// Every person's session name starts with this, so no user name can produce a name the app uses for itself
    /// (see <see cref="ReadinessProbeName"/>).
    /// </summary>
    public const string UserPrefix = "fb-";

    /// <summary>The session name of the readiness probe's own AssumeRole.</summary>
    public const string ReadinessProbeName = "filebridge-readiness";

    /// <summary>Hex digits of the id's SHA-256 at the end of every name: 48 bits, so distinct ids keep distinct names.</summary>
    public const int HashLength = 12;

    private const int ReadableLength = MaxLength - 4 - HashLength;

    /// <summary>
    /// "fb-" + the readable part of the id (every character <see cref="IsAllowed"/> refuses replaced by '-', cut to fit)
    /// + "-" + a short hash of the full id. The readable part alone would give "a+b" and "a-b", or two long names that
    /// share a beginning, the same name in CloudTrail; the hash keeps them apart.
    /// </summary>
    public static string ForUser(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var name = new StringBuilder(MaxLength).Append(UserPrefix);
        foreach (var c in userId.Take(ReadableLength))
        {
            name.Append(IsAllowed(c) ? c : '-');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));
        return name.Append('-').Append(hash, 0, HashLength).ToString();
    }

    /// <summary>
    /// STS's <c>[\w+=,.@-]</c> with <c>\w</c> ASCII only, less '+': Ceph's STS refuses it, and plus-addressed
    /// e-mail addresses are common user names.
    /// </summary>
    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '=' or ',' or '.' or '@' or '-';
}
