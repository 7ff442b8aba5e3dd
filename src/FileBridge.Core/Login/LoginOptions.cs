using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Login;

/// <summary>The <c>Login</c> settings section: lockout, password hashing strength and where unknown names are counted.</summary>
public sealed class LoginOptions
{
    public const string SectionName = "Login";

    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA512; weaker settings are refused at start-up.</summary>
    public const int MinimumPasswordHashIterations = 210_000;

    [Range(1, 100, ErrorMessage = "Login:MaxFailedAttempts must be between 1 and 100.")]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Login:LockoutDuration must be between 1 second and 1 day.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(MinimumPasswordHashIterations, 10_000_000, ErrorMessage = "Login:PasswordHashIterations must be at least 210000.")]
    public int PasswordHashIterations { get; set; } = MinimumPasswordHashIterations;

    /// <summary>Lockout counters of names that are not accounts, keyed by a keyed hash of the name; rows expire.</summary>
    [Required(ErrorMessage = "Login:AttemptsTableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Login:AttemptsTableName must be 3-63 letters or digits, starting with a letter.")]
    public string AttemptsTableName { get; set; } = "LoginAttempts";

    [Range(8, 64, ErrorMessage = "Login:MinPasswordLength must be between 8 and 64.")]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>How long a password printed by <c>users add</c> or <c>users reset-password</c> may be used.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00", ErrorMessage = "Login:TemporaryPasswordLifetime must be between 5 minutes and 30 days.")]
    public TimeSpan TemporaryPasswordLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// The key (base64, at least 32 bytes) that MACs device cookies; kept outside the storage account (a Key Vault
    /// reference on Azure). Unset in Development: a key generated into a file under <c>.local/</c>.
    /// </summary>
    [MinLength(44, ErrorMessage = "Login:DeviceKey must be base64 of at least 32 bytes.")]
    [RegularExpression("^[A-Za-z0-9+/]+={0,2}$", ErrorMessage = "Login:DeviceKey must be base64 of at least 32 bytes.")]
    public string? DeviceKey { get; set; }
}
