using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users grant &lt;name&gt; &lt;prefix&gt;</c> and <c>users revoke</c>: one of the user's own grants added or
/// removed, the rest left as they are. Sessions stay; the next request sees the change.
/// </summary>
public sealed class UserGrantHandler(IUserStore users, GrantInput grants, AdminConsole console)
{
    public async Task<int> GrantAsync(string name, string prefix, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var grant = grants.ParseOne(prefix, "grant");

        var before = await UserEdits.ApplyAsync(users, userId, user => Grants.Add(user.Prefixes, grant, $"'{userId}'") is { } list
            ? new UserChange(Prefixes: list)
            : null, cancellationToken);

        console.Out.WriteLine(Grants.Contains(before.Prefixes, grant)
            ? $"'{userId}' already has {grant}; nothing changed."
            : $"Granted {grant} to '{userId}'; their next request sees it.");
        return ExitCodes.Success;
    }

    public async Task<int> RevokeAsync(string name, string prefix, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var grant = grants.ParseOne(prefix, "revoke");

        await UserEdits.ApplyAsync(users, userId, user => new UserChange(Prefixes: Grants.Remove(user.Prefixes, grant, $"'{userId}'")), cancellationToken);

        console.Out.WriteLine($"Revoked {grant} from '{userId}'; their next request no longer sees it (grants from their groups stay).");
        return ExitCodes.Success;
    }
}
