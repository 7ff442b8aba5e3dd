using System.ComponentModel.DataAnnotations;

namespace FileBridge.Core.Login;

/// <summary>The <c>Login</c> settings section: lockout and password hashing strength.</summary>
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
}
