using FileBridge.Admin.Cli;
using FileBridge.Core.Groups;

namespace FileBridge.Admin.Commands;

/// <summary>Read, change, write a group with its ETag; see <see cref="UserEdits"/>.</summary>
public static class GroupEdits
{
    private const int Attempts = 5;

    public static async Task<AccessGroup> FindAsync(IGroupStore groups, string groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return await groups.FindAsync(groupId, cancellationToken) ?? throw new GroupNotFoundException(groupId);
    }

    /// <param name="edit">The group as it should be stored; null when there is nothing to write.</param>
    /// <returns>The group the change was based on.</returns>
    public static async Task<AccessGroup> ApplyAsync(IGroupStore groups, string groupId, Func<AccessGroup, AccessGroup?> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var group = await FindAsync(groups, groupId, cancellationToken);
            if (edit(group) is not { } changed || await groups.TryUpdateAsync(changed with { ETag = group.ETag }, cancellationToken))
            {
                return group;
            }
        }

        throw new AdminInputException($"Group '{groupId}' kept changing while this ran; nothing was written. Try again.");
    }
}
