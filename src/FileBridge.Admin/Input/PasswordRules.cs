namespace FileBridge.Admin.Input;

/// <summary>
/// What the tool accepts as a password: at least <see cref="MinimumLength"/> characters, not only
/// whitespace, no control characters, at most <see cref="MaximumLength"/>. NIST SP 800-63B sets the
/// floor at 8 and says length, not composition rules, makes a password strong; there are none here.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 1024;

    /// <returns>Why the password is refused, or null when it is acceptable.</returns>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "The password is empty.";
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            return "The password is only whitespace.";
        }

        if (password.Length < MinimumLength)
        {
            return $"The password is too short: at least {MinimumLength} characters are required.";
        }

        if (password.Length > MaximumLength)
        {
            return $"The password is too long: at most {MaximumLength} characters are allowed.";
        }

        return password.Any(char.IsControl) ? "The password contains control characters." : null;
    }
}
