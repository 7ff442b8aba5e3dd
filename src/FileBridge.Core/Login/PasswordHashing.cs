using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>ASP.NET Core Identity's v3 hashes (PBKDF2-HMAC-SHA512) at the configured iteration count.</summary>
public sealed class PasswordHashing
{
    // Identity's v2 format: PBKDF2-HMAC-SHA1 at 1,000 iterations.
    private const int V2Iterations = 1_000;
    private static readonly byte[] PaddingSalt = new byte[16];

    private readonly PasswordHasher<object> _hasher;
    private readonly Lazy<string> _dummyHash;
    private readonly int _iterations;

    public PasswordHashing(IOptions<LoginOptions> options)
    {
        _iterations = options.Value.PasswordHashIterations;
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

        // A hash weaker than configured is quicker to check than the dummy an unknown name costs: spend the
        // difference, so the answer's time tells nothing (the hash is upgraded at the next right password).
        PadToConfiguredCost(storedHash, password);
        return result switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
            _ => PasswordCheck.Failed,
        };
    }

    /// <summary>Spends the same work as a real check, so response time doesn't reveal whether a user exists.</summary>
    public void VerifyDummy(string password) => _hasher.VerifyHashedPassword(this, _dummyHash.Value, password);

    private void PadToConfiguredCost(string storedHash, string password)
    {
        var stored = TryReadIterations(storedHash);
        if (stored < _iterations)
        {
            _ = Rfc2898DeriveBytes.Pbkdf2(password, PaddingSalt, _iterations - stored, HashAlgorithmName.SHA512, 32);
        }
    }

    /// <summary>Iterations of a v3 hash, 1,000 for v2, 0 for a format that costs nothing to refuse.</summary>
    private static int TryReadIterations(string hash)
    {
        try
        {
            var bytes = Convert.FromBase64String(hash);
            return bytes.Length switch
            {
                > 0 when bytes[0] == 0x00 => V2Iterations,
                > 8 when bytes[0] == 0x01 => Math.Max(1, ReadIterationCount(hash)),
                // A format the hasher refuses without any work: the whole cost is still owed.
                _ => 0,
            };
        }
        catch (FormatException)
        {
            return 0;
        }
    }

    /// <summary>The iteration count written into a v3 hash (bytes 5-8, big-endian), for diagnostics and tests.</summary>
    public static int ReadIterationCount(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return bytes[0] == 0x01 ? (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8] : 0;
    }
}
