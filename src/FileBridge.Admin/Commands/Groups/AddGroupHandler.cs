using Azure;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary><c>groups add &lt;name&gt; [--display-name X] [--prefixes a/;b/]</c>: a team, granting nothing until given prefixes.</summary>
public sealed class AddGroupHandler(IGroupStore groups, GrantInput grants, AdminConsole console)
{
    public async Task<int> RunAsync(string name, string? displayName, string? prefixes, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(name);
        var prefixList = grants.ParseList(prefixes);

        await groups.AddAsync(
            new AccessGroup(groupId, string.IsNullOrWhiteSpace(displayName) ? name.Trim() : displayName.Trim(), prefixList, ETag.All),
            cancellationToken);

        console.Out.WriteLine(prefixList.Count == 0
            ? $"Added group '{groupId}'; it grants nothing until you run 'groups grant {groupId} <prefix>'."
            : $"Added group '{groupId}', granting {PrefixList.Format(prefixList)}.");
        return ExitCodes.Success;
    }
}
