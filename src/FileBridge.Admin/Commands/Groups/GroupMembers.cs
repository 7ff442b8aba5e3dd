using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary>Who belongs to a group: the users whose <c>Groups</c> column names it (membership lives on the user row).</summary>
public static class GroupMembers
{
    public static async Task<IReadOnlyList<UserAccount>> OfAsync(IUserStore users, string groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        return (await users.ListAsync(cancellationToken)).Where(u => u.Groups.Contains(groupId, StringComparer.Ordinal)).ToList();
    }

    /// <summary>Members per group id, from one read of the users.</summary>
    public static ILookup<string, string> ByGroup(IEnumerable<UserAccount> users) =>
        users.SelectMany(u => u.Groups.Select(g => (Group: g, User: u.Id))).ToLookup(p => p.Group, p => p.User, StringComparer.Ordinal);
}
