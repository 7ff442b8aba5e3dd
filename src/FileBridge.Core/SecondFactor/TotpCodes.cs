using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace FileBridge.Core.SecondFactor;

/// <summary>RFC 6238 as authenticator apps read it: SHA-1, 6 digits, 30-second steps, through Otp.NET.</summary>
public static class TotpCodes
{
    public const string Issuer = "FileBridge";
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>160 bits, the key length RFC 4226 recommends for HMAC-SHA-1.</summary>
    public const int SecretBytes = 20;

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    public static string SecretText(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The <c>otpauth://totp/FileBridge:name?secret=...&amp;issuer=FileBridge</c> URI a QR code carries.</summary>
    public static string Uri(byte[] secret, string userName) =>
        new OtpUri(OtpType.Totp, secret, userName, Issuer, OtpHashMode.Sha1, Digits, StepSeconds).ToString();

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// The step whose code <paramref name="code"/> is: the current one or the previous one, and only one
    /// later than <paramref name="lastUsedStep"/> so that no code counts twice. Null when none matches.
    /// </summary>
    public static long? MatchingStep(byte[] secret, string? code, DateTimeOffset now, long lastUsedStep)
    {
        if (code is null || code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        var current = StepAt(now);
        foreach (var step in new[] { current, current - 1 })
        {
            if (step <= lastUsedStep)
            {
                continue;
            }

            var expected = totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The code of a given time: for tests and the local smoke check, never sent by the server.</summary>
    public static string CodeAt(byte[] secret, DateTimeOffset time) =>
        new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(time.UtcDateTime);
}
