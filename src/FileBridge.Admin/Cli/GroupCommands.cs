using System.CommandLine;
using FileBridge.Admin.Commands;
using FileBridge.Admin.Commands.Groups;

namespace FileBridge.Admin.Cli;

/// <summary>
/// Access by team: <c>groups add|list|show|delete|set-prefixes|grant|revoke|add-member|remove-member</c>,
/// <c>users grant|revoke|show|delete</c> and <c>access explain</c>.
/// </summary>
public static class GroupCommands
{
    public static Command CreateGroupsCommand(Option<FileInfo?> settings)
    {
        var groups = new Command("groups", "Teams and the grants their members get: add, list, show, delete, grant, revoke, and manage members.");

        var addName = GroupArgument("name");
        var displayName = new Option<string?>("--display-name") { Description = "The name shown to operators (default: the name as typed)." };
        var prefixes = new Option<string?>("--prefixes") { Description = "';'-separated prefixes the members may see, e.g. \"logs/;reports/\", or '*' for everything (default: none)." };
        var add = new Command("add", "Add a group.") { Arguments = { addName }, Options = { displayName, prefixes } };
        AdminCli.Bind(add, settings, (r, sp, ct) => sp.Run<AddGroupHandler>(h => h.RunAsync(r.GetValue(addName)!, r.GetValue(displayName), r.GetValue(prefixes), ct)));
        groups.Subcommands.Add(add);

        var listJson = JsonOption("One JSON object per group and line: {\"name\",\"displayName\",\"prefixes\",\"members\"}.");
        var list = new Command("list", "List groups with their grants and member counts.") { Options = { listJson } };
        AdminCli.Bind(list, settings, (r, sp, ct) => sp.Run<ListGroupsHandler>(h => h.RunAsync(r.GetValue(listJson), ct)));
        groups.Subcommands.Add(list);

        var showName = GroupArgument("name");
        var showJson = JsonOption("One JSON object: {\"name\",\"displayName\",\"prefixes\",\"members\"}.");
        var show = new Command("show", "Show a group's grants and members.") { Arguments = { showName }, Options = { showJson } };
        AdminCli.Bind(show, settings, (r, sp, ct) => sp.Run<ShowGroupHandler>(h => h.RunAsync(r.GetValue(showName)!, r.GetValue(showJson), ct)));
        groups.Subcommands.Add(show);

        var deleteName = GroupArgument("name");
        var removeMembers = new Option<bool>("--remove-members") { Description = "Take every member out of the group first (without it, a group with members is not deleted)." };
        var delete = new Command("delete", "Delete a group; refused while it has members unless --remove-members.") { Arguments = { deleteName }, Options = { removeMembers } };
        AdminCli.Bind(delete, settings, (r, sp, ct) => sp.Run<DeleteGroupHandler>(h => h.RunAsync(r.GetValue(deleteName)!, r.GetValue(removeMembers), ct)));
        groups.Subcommands.Add(delete);

        var setName = GroupArgument("name");
        var setList = new Argument<string>("prefixes") { Description = "';'-separated prefixes, or '*' for everything; an empty string clears them (the group then grants nothing)." };
        var setPrefixes = new Command("set-prefixes", "Replace a group's prefixes; members keep their sessions and see the change at their next request.")
        {
            Arguments = { setName, setList },
        };
        AdminCli.Bind(setPrefixes, settings, (r, sp, ct) => sp.Run<SetGroupPrefixesHandler>(h => h.SetAsync(r.GetValue(setName)!, r.GetValue(setList) ?? string.Empty, ct)));
        groups.Subcommands.Add(setPrefixes);

        var grantName = GroupArgument("name");
        var grantPrefix = PrefixArgument();
        var grant = new Command("grant", "Add one prefix to a group's grants, leaving the rest.") { Arguments = { grantName, grantPrefix } };
        AdminCli.Bind(grant, settings, (r, sp, ct) => sp.Run<SetGroupPrefixesHandler>(h => h.GrantAsync(r.GetValue(grantName)!, r.GetValue(grantPrefix)!, ct)));
        groups.Subcommands.Add(grant);

        var revokeName = GroupArgument("name");
        var revokePrefix = PrefixArgument();
        var revoke = new Command("revoke", "Remove one prefix from a group's grants, leaving the rest.") { Arguments = { revokeName, revokePrefix } };
        AdminCli.Bind(revoke, settings, (r, sp, ct) => sp.Run<SetGroupPrefixesHandler>(h => h.RevokeAsync(r.GetValue(revokeName)!, r.GetValue(revokePrefix)!, ct)));
        groups.Subcommands.Add(revoke);

        var addMemberGroup = GroupArgument("group");
        var addMemberUsers = UsersArgument();
        var addMember = new Command("add-member", "Add users to a group; every name is checked before anything is written.") { Arguments = { addMemberGroup, addMemberUsers } };
        AdminCli.Bind(addMember, settings, (r, sp, ct) => sp.Run<GroupMembershipHandler>(h => h.AddAsync(r.GetValue(addMemberGroup)!, r.GetValue(addMemberUsers) ?? [], ct)));
        groups.Subcommands.Add(addMember);

        var removeMemberGroup = GroupArgument("group");
        var removeMemberUsers = UsersArgument();
        var removeMember = new Command("remove-member", "Remove users from a group; every name is checked before anything is written.") { Arguments = { removeMemberGroup, removeMemberUsers } };
        AdminCli.Bind(removeMember, settings, (r, sp, ct) => sp.Run<GroupMembershipHandler>(h => h.RemoveAsync(r.GetValue(removeMemberGroup)!, r.GetValue(removeMemberUsers) ?? [], ct)));
        groups.Subcommands.Add(removeMember);

        return groups;
    }

    /// <summary><c>users grant|revoke|show|delete</c>, added to the <c>users</c> command.</summary>
    public static void AddUserCommands(Command users, Option<FileInfo?> settings)
    {
        ArgumentNullException.ThrowIfNull(users);

        var grantName = AdminCli.NameArgument();
        var grantPrefix = PrefixArgument();
        var grant = new Command("grant", "Add one prefix to a user's own grants, leaving the rest; their sessions stay.") { Arguments = { grantName, grantPrefix } };
        AdminCli.Bind(grant, settings, (r, sp, ct) => sp.Run<UserGrantHandler>(h => h.GrantAsync(r.GetValue(grantName)!, r.GetValue(grantPrefix)!, ct)));
        users.Subcommands.Add(grant);

        var revokeName = AdminCli.NameArgument();
        var revokePrefix = PrefixArgument();
        var revoke = new Command("revoke", "Remove one prefix from a user's own grants, leaving the rest; their sessions stay.") { Arguments = { revokeName, revokePrefix } };
        AdminCli.Bind(revoke, settings, (r, sp, ct) => sp.Run<UserGrantHandler>(h => h.RevokeAsync(r.GetValue(revokeName)!, r.GetValue(revokePrefix)!, ct)));
        users.Subcommands.Add(revoke);

        var showName = AdminCli.NameArgument();
        var showJson = JsonOption("One JSON object: {\"name\",\"displayName\",\"disabled\",\"prefixes\",\"groups\",\"effective\":[{\"grant\",\"from\"}]}.");
        var show = new Command("show", "Show a user's own grants, groups, and effective grants with where each comes from.") { Arguments = { showName }, Options = { showJson } };
        AdminCli.Bind(show, settings, (r, sp, ct) => sp.Run<ShowUserHandler>(h => h.RunAsync(r.GetValue(showName)!, r.GetValue(showJson), ct)));
        users.Subcommands.Add(show);

        var deleteName = AdminCli.NameArgument();
        var delete = new Command("delete", "Delete a user: the row goes, their sessions end, their audit rows stay.") { Arguments = { deleteName } };
        AdminCli.Bind(delete, settings, (r, sp, ct) => sp.Run<DeleteUserHandler>(h => h.RunAsync(r.GetValue(deleteName)!, ct)));
        users.Subcommands.Add(delete);
    }

    public static Command CreateAccessCommand(Option<FileInfo?> settings)
    {
        var access = new Command("access", "Answer why someone may or may not read a path.");

        var user = new Argument<string>("user") { Description = "The user name." };
        var path = new Argument<string>("path") { Description = "A key ('logs/app/today.log') or a folder ('logs/app/')." };
        var json = JsonOption("One JSON object: {\"allowed\":true,\"grant\",\"from\"} or {\"allowed\":false,\"nearest\":[{\"grant\",\"from\"}]}.");
        var explain = new Command("explain", "Whether a user may read a path, with the grant and where it comes from, or the nearest grants. Exit 0 allowed, 3 denied, 2 unknown user or malformed path.")
        {
            Arguments = { user, path },
            Options = { json },
        };
        AdminCli.Bind(explain, settings, (r, sp, ct) => sp.Run<AccessExplainHandler>(h => h.RunAsync(r.GetValue(user)!, r.GetValue(path)!, r.GetValue(json), ct)));
        access.Subcommands.Add(explain);

        return access;
    }

    private static Argument<string> GroupArgument(string name) => new(name) { Description = "The group name (trimmed and lower-cased)." };

    private static Argument<string> PrefixArgument() => new("prefix") { Description = "One folder prefix, e.g. 'logs/app/'." };

    private static Argument<string[]> UsersArgument() => new("users") { Description = "One or more user names.", Arity = ArgumentArity.OneOrMore };

    private static Option<bool> JsonOption(string description) => new("--json") { Description = description };
}
