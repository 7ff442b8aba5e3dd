using System.Globalization;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login.Passwords;

/// <summary>
/// The rules every new password meets, wherever it is set (the account routes, the admin tool, <c>--permanent</c>
/// included), after ASVS 5.0 V6.2: at least <c>Login:MinPasswordLength</c> characters and up to
/// <see cref="MaxLength"/>, no composition rules, not one of the 100,000 most common passwords, and not built on
/// the person's own name or on the product's. (How long a password may be at most is the caller's input limit,
/// 1024 characters in the admin tool: ASVS asks only that 64 be allowed.)
/// </summary>
public sealed class PasswordPolicy(IOptions<LoginOptions> options)
{
    /// <summary>Display-name words shorter than this ("Al", "de") would refuse too many good passwords.</summary>
    public const int MinNameWordLength = 4;

    /// <summary>A user name shorter than this is left to the other rules, for the same reason.</summary>
    public const int MinUserNameLength = 3;

    private const string ProductName = "filebridge";

    private readonly int _minLength = options.Value.MinPasswordLength;

    /// <param name="password">The new password.</param>
    /// <param name="userId">The normalized user name.</param>
    /// <param name="displayName">The person's display name, if any.</param>
    /// <param name="temporaryPassword">The temporary password being replaced, when it is one: the new one must differ.</param>
    public PasswordVerdict Check(string password, string userId, string? displayName = null, string? temporaryPassword = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(userId);
        if (password.Length < _minLength)
        {
            return new(WeakPasswordReason.TooShort,
                string.Create(CultureInfo.InvariantCulture, $"The password is too short: at least {_minLength} characters are required."));
        }

        if (temporaryPassword is not null && string.Equals(password, temporaryPassword, StringComparison.Ordinal))
        {
            return new(WeakPasswordReason.SameAsTemporary, "The new password must differ from the temporary one.");
        }

        if (CommonPasswords.Contains(password))
        {
            return new(WeakPasswordReason.Common, "The password is one of the most common passwords; choose another.");
        }

        return NameParts(userId, displayName).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase))
            ? new(WeakPasswordReason.ContainsName, "The password must not contain the user name, a word of the display name or \"filebridge\".")
            : PasswordVerdict.Accepted;
    }

    private static IEnumerable<string> NameParts(string userId, string? displayName)
    {
        yield return ProductName;
        if (userId.Trim().Length >= MinUserNameLength)
        {
            yield return userId.Trim();
        }

        if (displayName is null)
        {
            yield break;
        }

        // Words are runs of letters and digits: "Ada Lovelace-Byron" gives "Lovelace" and "Byron".
        var start = 0;
        for (var i = 0; i <= displayName.Length; i++)
        {
            if (i == displayName.Length || !char.IsLetterOrDigit(displayName[i]))
            {
                if (i - start >= MinNameWordLength)
                {
                    yield return displayName[start..i];
                }

                start = i + 1;
            }
        }
    }
}
