using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary>
/// <c>groups delete &lt;name&gt; [--remove-members]</c>: refused while anyone belongs to it, unless
/// <c>--remove-members</c>. Memberships go first, the row last: a group created later under the same name must not
/// find old members waiting in it.
/// </summary>
public sealed class DeleteGroupHandler(IGroupStore groups, IUserStore users, AdminConsole console)
{
    public async Task<int> RunAsync(string name, bool removeMembers, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(name);
        var group = await GroupEdits.FindAsync(groups, groupId, cancellationToken);
        var members = await GroupMembers.OfAsync(users, groupId, cancellationToken);
        if (members.Count > 0 && !removeMembers)
        {
            throw new AdminInputException(
                $"Group '{groupId}' has {members.Count} member(s) ({string.Join(", ", members.Select(m => m.Id))}); nothing was deleted. Add --remove-members to take them out and delete it.");
        }

        foreach (var member in members)
        {
            await UserEdits.ApplyAsync(users, member.Id, user => user.Groups.Contains(groupId, StringComparer.Ordinal)
                ? new UserChange(Groups: user.Groups.Where(g => g != groupId).ToList())
                : null, cancellationToken);
        }

        for (var attempt = 0; !await groups.TryDeleteAsync(group, cancellationToken); attempt++)
        {
            // Edited meanwhile (its grants, not its members: those live on user rows): delete what is there now.
            group = await GroupEdits.FindAsync(groups, groupId, cancellationToken);
            if (attempt == 4)
            {
                throw new AdminInputException($"Group '{groupId}' kept changing while this ran; try again.");
            }
        }

        console.Out.WriteLine(members.Count == 0
            ? $"Deleted group '{groupId}'."
            : $"Deleted group '{groupId}' and removed its {members.Count} member(s): {string.Join(", ", members.Select(m => m.Id))}.");
        return ExitCodes.Success;
    }
}
