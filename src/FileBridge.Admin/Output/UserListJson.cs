using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Output;

/// <summary>
/// <c>users list --json</c>: one object per user and line, camelCase members; never a hash or a stamp.
/// <c>effective</c> lists the grants as <c>access explain</c> sees them, each with where it comes from.
/// </summary>
public static class UserListJson
{
    public static void Write(TextWriter output, IEnumerable<UserAccount> users, Func<UserAccount, AccessScope> scopeOf)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(scopeOf);
        foreach (var user in users)
        {
            output.WriteLine(AdminJson.Serialize(new
            {
                name = user.Id,
                user.DisplayName,
                user.Disabled,
                prefixes = user.Prefixes ?? [],
                user.Groups,
                user.LockedUntil,
                user.TemporaryPasswordExpiresAt,
                user.NoSecondFactor,
                effective = scopeOf(user).Grants.Select(GrantJson.Of),
            }));
        }
    }
}
