using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary>
/// <c>groups add-member &lt;group&gt; &lt;user&gt;...</c> and <c>groups remove-member</c>: every name is checked (valid,
/// existing) before the first write, so a typo writes nothing; then each user row is edited (ETag-guarded) and each
/// result reported. Sessions stay; the next request sees the change.
/// </summary>
public sealed class GroupMembershipHandler(IGroupStore groups, IUserStore users, AdminConsole console)
{
    public Task<int> AddAsync(string group, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        RunAsync(group, names, adding: true, cancellationToken);

    public Task<int> RemoveAsync(string group, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        RunAsync(group, names, adding: false, cancellationToken);

    private async Task<int> RunAsync(string group, IReadOnlyList<string> names, bool adding, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(group);
        if (names.Count == 0)
        {
            throw new AdminInputException("Name at least one user.");
        }

        var userIds = names.Select(UserNameInput.ToUserId).Distinct(StringComparer.Ordinal).ToList();
        var found = await Task.WhenAll(userIds.Select(id => users.FindAsync(id, cancellationToken)));
        var unknown = userIds.Where((_, i) => found[i] is null).ToList();
        if (unknown.Count > 0)
        {
            console.Error.WriteLine($"No user named {string.Join(", ", unknown.Select(u => $"'{u}'"))}; nothing was changed.");
            return ExitCodes.UserNotFound;
        }

        // Removing someone from a group that is gone cleans up a stale membership; anything else naming a missing group is a typo.
        var staleMembership = !adding && found.Any(u => u!.Groups.Contains(groupId, StringComparer.Ordinal));
        if (!staleMembership && await groups.FindAsync(groupId, cancellationToken) is null)
        {
            throw new GroupNotFoundException(groupId);
        }

        foreach (var userId in userIds)
        {
            var before = await UserEdits.ApplyAsync(users, userId, user => (adding, user.Groups.Contains(groupId, StringComparer.Ordinal)) switch
            {
                (true, false) => new UserChange(Groups: [.. user.Groups, groupId]),
                (false, true) => new UserChange(Groups: user.Groups.Where(g => g != groupId).ToList()),
                _ => null,
            }, cancellationToken);
            var wasMember = before.Groups.Contains(groupId, StringComparer.Ordinal);
            console.Out.WriteLine((adding, wasMember) switch
            {
                (true, false) => $"Added '{userId}' to group '{groupId}'.",
                (true, true) => $"'{userId}' is already in group '{groupId}'.",
                (false, true) => $"Removed '{userId}' from group '{groupId}'.",
                (false, false) => $"'{userId}' is not in group '{groupId}'.",
            });
        }

        return ExitCodes.Success;
    }
}
