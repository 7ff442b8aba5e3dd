namespace FileBridge.Admin.Input;

/// <summary>
/// What the tool accepts as typed input for a password before the password policy looks at it: not empty, not only
/// whitespace, no control characters, at most <see cref="MaximumLength"/>. How long, how common and how personal a
/// password may be is <see cref="FileBridge.Core.Login.Passwords.PasswordPolicy"/>'s to say, as it is for the API.
/// </summary>
public static class PasswordRules
{
    public const int MaximumLength = 1024;

    /// <returns>Why the input is refused, or null when the policy may judge it.</returns>
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

        if (password.Length > MaximumLength)
        {
            return $"The password is too long: at most {MaximumLength} characters are allowed.";
        }

        return password.Any(char.IsControl) ? "The password contains control characters." : null;
    }
}
