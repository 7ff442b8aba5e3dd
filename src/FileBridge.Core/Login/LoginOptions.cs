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
}
