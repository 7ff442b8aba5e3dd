using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Storage;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// The second-factor settings of the <c>Login</c> section. A class of its own beside
/// <see cref="Login.LoginOptions"/> (same section) so that the lockout and the factors change apart.
/// </summary>
public sealed class SecondFactorOptions
{
    public const string SectionName = "Login";

    /// <summary>Bytes of <see cref="SecretsKey"/>: AES-256.</summary>
    public const int SecretsKeyBytes = 32;

    public SecondFactorPolicy SecondFactor { get; set; } = SecondFactorPolicy.Required;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Login:RecentAuthWindow must be between 1 second and 1 hour.")]
    public TimeSpan RecentAuthWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A rollout window the operator opens on purpose (a UTC date or time): until then a password alone
    /// may enrol a first factor. Kept as text so that a date without an offset is read as UTC, not as
    /// the machine's local time.
    /// </summary>
    public string? EnrollWithPasswordUntil { get; set; }

    public DateTimeOffset? EnrollWithPasswordUntilUtc() =>
        TryParseUtc(EnrollWithPasswordUntil, out var until) ? until : null;

    internal static bool TryParseUtc(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(
            text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Base64 of 32 random bytes that encrypt TOTP secrets. Never in the storage account: a Key Vault
    /// reference on Azure; unset in Development, a generated key in a local file.
    /// </summary>
    public string? SecretsKey { get; set; }

    [Required(ErrorMessage = "Login:PasskeysTableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Login:PasskeysTableName must be 3-63 letters or digits, starting with a letter.")]
    public string PasskeysTableName { get; set; } = "Passkeys";

    [Required(ErrorMessage = "Login:PendingStepsTableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Login:PendingStepsTableName must be 3-63 letters or digits, starting with a letter.")]
    public string PendingStepsTableName { get; set; } = "PendingSteps";

    [Required(ErrorMessage = "Login:ChallengesTableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Login:ChallengesTableName must be 3-63 letters or digits, starting with a letter.")]
    public string ChallengesTableName { get; set; } = "PasskeyChallenges";
}
