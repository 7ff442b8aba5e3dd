using System.Text;

namespace FileBridge.Core.Aws;

/// <summary>Turns a user id into an AssumeRole <c>RoleSessionName</c>, so that CloudTrail names the person.</summary>
public static class RoleSessionNames
{
    public const int MaxLength = 64;

    /// <summary>
    /// Every person's session name starts with this, so no user name can produce a name the app uses for itself
    /// (see <see cref="ReadinessProbeName"/>).
    /// </summary>
    public const string UserPrefix = "fb-";

    /// <summary>The session name of the readiness probe's own AssumeRole.</summary>
    public const string ReadinessProbeName = "filebridge-readiness";

    /// <summary>"fb-" + the id with every character <see cref="IsAllowed"/> refuses replaced by '-', at most 64 characters.</summary>
    public static string ForUser(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var name = new StringBuilder(MaxLength).Append(UserPrefix);
        foreach (var c in userId)
        {
            if (name.Length == MaxLength)
            {
                break;
            }

            name.Append(IsAllowed(c) ? c : '-');
        }

        return name.ToString();
    }

    /// <summary>
    /// STS's <c>[\w+=,.@-]</c> with <c>\w</c> ASCII only, less '+': Ceph's STS refuses it, and plus-addressed
    /// e-mail addresses are common user names.
    /// </summary>
    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '=' or ',' or '.' or '@' or '-';
}
