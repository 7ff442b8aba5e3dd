using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary><c>groups show &lt;name&gt; [--json]</c>: a group's grants and members.</summary>
public sealed class ShowGroupHandler(IGroupStore groups, IUserStore users, AdminConsole console)
{
    public async Task<int> RunAsync(string name, bool json, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(name);
        var group = await GroupEdits.FindAsync(groups, groupId, cancellationToken);
        var members = (await GroupMembers.OfAsync(users, groupId, cancellationToken)).Select(u => u.Id).ToList();

        if (json)
        {
            console.Out.WriteLine(AdminJson.Serialize(new { name = group.Id, group.DisplayName, group.Prefixes, members }));
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"Group:        {group.Id}");
        console.Out.WriteLine($"Display name: {group.DisplayName}");
        console.Out.WriteLine($"Prefixes:     {(group.Prefixes.Count == 0 ? "(none: grants nothing)" : PrefixList.Format(group.Prefixes))}");
        console.Out.WriteLine($"Members:      {(members.Count == 0 ? "(none)" : string.Join(", ", members))}");
        return ExitCodes.Success;
    }
}
