using System.Buffers.Text;
using System.Security.Cryptography;

namespace FileBridge.Core.Sessions;

/// <summary>
/// The id a person sees for a session in their list: random and opaque, unrelated to the token or its hash, so a
/// list or a URL naming a session gives nothing that could be presented as a session or matched to its stored row.
/// </summary>
public static class SessionIds
{
    private const int IdBytes = 16;
    private const int IdLength = 22;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>Rejects values that could not have come from <see cref="New"/> before they reach a table key.</summary>
    public static bool LooksValid(string? id) =>
        id is { Length: IdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
