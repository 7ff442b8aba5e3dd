using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>ASP.NET Core Identity's v3 hashes (PBKDF2-HMAC-SHA512) at the configured iteration count.</summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<object> _hasher;
    private readonly Lazy<string> _dummyHash;

    public PasswordHashing(IOptions<LoginOptions> options)
    {
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordHashIterations,
        }));
        // A hash of nothing anyone can type, verified for unknown users so they cost the same time.
        _dummyHash = new Lazy<string>(() => Hash(Guid.NewGuid().ToString("N")));
    }

    public string Hash(string password) => _hasher.HashPassword(this, password);

    public PasswordCheck Verify(string storedHash, string password)
    {
        if (string.IsNullOrEmpty(storedHash))
        {
            VerifyDummy(password);
            return PasswordCheck.Failed;
        }

        PasswordVerificationResult result;
        try
        {
            result = _hasher.VerifyHashedPassword(this, storedHash, password);
        }
        catch (FormatException)
        {
            // A row with a hash the app doesn't understand must not sign anyone in, nor crash the login.
            VerifyDummy(password);
            return PasswordCheck.Failed;
        }

        return result switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
            _ => PasswordCheck.Failed,
        };
    }

    /// <summary>Spends the same work as a real check, so response time doesn't reveal whether a user exists.</summary>
    public void VerifyDummy(string password) => _hasher.VerifyHashedPassword(this, _dummyHash.Value, password);

    /// <summary>The iteration count written into a v3 hash (bytes 5-8, big-endian), for diagnostics and tests.</summary>
    public static int ReadIterationCount(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return bytes[0] == 0x01 ? (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8] : 0;
    }
}
