using System.Globalization;
using FileBridge.Core.SecondFactor;

namespace FileBridge.Admin.Output;

/// <summary>A person's factors in words, for <c>users list</c> and <c>users reset-factors</c>: counts only, never a secret.</summary>
public static class FactorText
{
    public static string Describe(FactorSummary factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return string.Create(CultureInfo.InvariantCulture,
            $"TOTP {(factors.Totp ? "yes" : "no")}, {factors.Passkeys} passkey(s), {factors.RecoveryCodesLeft} recovery code(s)");
    }
}
