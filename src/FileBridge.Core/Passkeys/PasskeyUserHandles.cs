using System.Security.Cryptography;
using FileBridge.Core.SecondFactor;
using Microsoft.AspNetCore.WebUtilities;

namespace FileBridge.Core.Passkeys;

/// <summary>
/// The WebAuthn user handle of an account: 32 random bytes made on first use and kept on the Users row,
/// never the name (an authenticator may show or leak it).
/// </summary>
public sealed class PasskeyUserHandles(UserFactorStore factors)
{
    /// <summary>The account's handle (base64url), made now if it has none; null when there is no such account.</summary>
    public async Task<string?> GetOrCreateAsync(string userId, CancellationToken cancellationToken)
    {
        var fresh = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return await factors.UpdateAsync<string?>(userId, row => row.PasskeyUserHandle is { } existing
            ? (null, existing)
            : (new UserFactorsChange(PasskeyUserHandle: fresh), fresh), refused: null, cancellationToken);
    }
}
