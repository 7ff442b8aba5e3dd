using FileBridge.Admin.Access;
using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary><c>users show &lt;name&gt; [--json]</c>: own grants, groups, and the effective grants each with where it comes from.</summary>
public sealed class ShowUserHandler(IUserStore users, EffectiveAccess access, AdminConsole console)
{
    public async Task<int> RunAsync(string name, bool json, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var user = await users.FindAsync(userId, cancellationToken) ?? throw new UserNotFoundException(userId);
        var scope = await access.OfAsync(user, cancellationToken);
        var effective = scope.Grants.Select(GrantJson.Of).ToList();

        if (json)
        {
            console.Out.WriteLine(AdminJson.Serialize(new
            {
                name = user.Id,
                user.DisplayName,
                user.Disabled,
                prefixes = user.Prefixes ?? [],
                user.Groups,
                effective,
            }));
            return ExitCodes.Success;
        }

        console.Out.WriteLine($"User:         {user.Id}");
        console.Out.WriteLine($"Display name: {user.DisplayName}");
        console.Out.WriteLine($"Disabled:     {(user.Disabled ? "yes" : "no")}");
        console.Out.WriteLine($"Own grants:   {(user.Prefixes is { Count: > 0 } own ? PrefixList.Format(own) : "(none)")}");
        console.Out.WriteLine($"Groups:       {(user.Groups.Count == 0 ? "(none)" : string.Join(", ", user.Groups))}");
        if (effective.Count == 0)
        {
            console.Out.WriteLine("Effective:    nothing (no grant of their own, from a group or in Files:DefaultPrefixes)");
            return ExitCodes.Success;
        }

        console.Out.WriteLine("Effective:");
        var table = new ConsoleTable("  GRANT", "FROM");
        foreach (var grant in effective)
        {
            table.AddRow("  " + (grant.Grant == "*" ? "* (everything)" : grant.Grant), grant.From);
        }

        table.WriteTo(console.Out);
        return ExitCodes.Success;
    }
}
