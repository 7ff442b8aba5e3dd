using System.Globalization;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Output;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary><c>groups list [--json]</c>: every group with its grants and how many members it has.</summary>
public sealed class ListGroupsHandler(IGroupStore groups, IUserStore users, AdminConsole console)
{
    public async Task<int> RunAsync(bool json, CancellationToken cancellationToken)
    {
        var all = await groups.ListAsync(cancellationToken);
        var members = GroupMembers.ByGroup(await users.ListAsync(cancellationToken));
        if (json)
        {
            foreach (var group in all)
            {
                console.Out.WriteLine(AdminJson.Serialize(new { name = group.Id, group.DisplayName, group.Prefixes, members = members[group.Id].Count() }));
            }

            return ExitCodes.Success;
        }

        if (all.Count == 0)
        {
            console.Error.WriteLine("No groups yet.");
            return ExitCodes.Success;
        }

        var table = new ConsoleTable("NAME", "DISPLAY NAME", "MEMBERS", "PREFIXES");
        foreach (var group in all)
        {
            table.AddRow(
                group.Id,
                group.DisplayName,
                members[group.Id].Count().ToString(CultureInfo.InvariantCulture),
                group.Prefixes.Count == 0 ? "(none)" : PrefixList.Format(group.Prefixes));
        }

        table.WriteTo(console.Out);
        return ExitCodes.Success;
    }
}
