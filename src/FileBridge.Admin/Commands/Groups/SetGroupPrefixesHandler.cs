using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands.Groups;

/// <summary>
/// <c>groups set-prefixes</c>, <c>groups grant</c> and <c>groups revoke</c>: the group's grants replaced, one added,
/// one removed. Members keep their sessions; their next request sees the change.
/// </summary>
public sealed class SetGroupPrefixesHandler(IGroupStore groups, GrantInput grants, AdminConsole console)
{
    public async Task<int> SetAsync(string name, string prefixes, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(name);
        var list = grants.ParseList(prefixes);

        await GroupEdits.ApplyAsync(groups, groupId, group => group with { Prefixes = list }, cancellationToken);

        console.Out.WriteLine(list.Count == 0
            ? $"Cleared the prefixes of group '{groupId}'; it grants nothing. Members see the change at their next request."
            : $"Set the prefixes of group '{groupId}' to {PrefixList.Format(list)}. Members see the change at their next request.");
        return ExitCodes.Success;
    }

    public async Task<int> GrantAsync(string name, string prefix, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(name);
        var grant = grants.ParseOne(prefix, "grant");

        var before = await GroupEdits.ApplyAsync(groups, groupId, group => Grants.Add(group.Prefixes, grant, $"group '{groupId}'") is { } list
            ? group with { Prefixes = list }
            : null, cancellationToken);

        console.Out.WriteLine(Grants.Contains(before.Prefixes, grant)
            ? $"Group '{groupId}' already grants {grant}; nothing changed."
            : $"Group '{groupId}' now grants {grant}. Members see it at their next request.");
        return ExitCodes.Success;
    }

    public async Task<int> RevokeAsync(string name, string prefix, CancellationToken cancellationToken)
    {
        var groupId = GroupNameInput.ToGroupId(name);
        var grant = grants.ParseOne(prefix, "revoke");

        await GroupEdits.ApplyAsync(groups, groupId, group => group with { Prefixes = Grants.Remove(group.Prefixes, grant, $"group '{groupId}'") }, cancellationToken);

        console.Out.WriteLine($"Group '{groupId}' no longer grants {grant}. Members lose it at their next request.");
        return ExitCodes.Success;
    }
}
