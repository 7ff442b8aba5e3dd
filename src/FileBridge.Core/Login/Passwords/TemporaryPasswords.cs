using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login.Passwords;

/// <summary>
/// Makes the passwords an operator hands over (<c>users add</c>, <c>users reset-password</c>) without ever choosing
/// or knowing one beforehand: groups of 5 characters from an alphabet without look-alikes (0/O, 1/l/I), 5 bits
/// each, at least 100 bits in all and never shorter than <c>Login:MinPasswordLength</c>; valid for
/// <c>Login:TemporaryPasswordLifetime</c>. Each one also passes <see cref="PasswordPolicy"/>.
/// </summary>
public sealed class TemporaryPasswords(PasswordPolicy policy, IOptions<LoginOptions> options, TimeProvider time)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int GroupLength = 5;
    private const int MinGroups = 4;

    private readonly LoginOptions _options = options.Value;

    public TemporaryPassword Create(string userId, string? displayName)
    {
        while (true)
        {
            var password = Generate();
            if (policy.Check(password, userId, displayName).IsAccepted)
            {
                return new TemporaryPassword(password, time.GetUtcNow() + _options.TemporaryPasswordLifetime);
            }
        }
    }

    private string Generate()
    {
        // Groups joined by '-': "abcde-fghij-..." is long enough once its length reaches the minimum.
        var groups = Math.Max(MinGroups, (_options.MinPasswordLength + GroupLength + 1) / (GroupLength + 1));
        var text = new StringBuilder(groups * (GroupLength + 1));
        for (var group = 0; group < groups; group++)
        {
            if (group > 0)
            {
                text.Append('-');
            }

            text.Append(RandomNumberGenerator.GetString(Alphabet, GroupLength));
        }

        return text.ToString();
    }
}
