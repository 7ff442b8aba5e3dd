using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users set-prefixes &lt;name&gt; &lt;prefixes&gt;</c>: an empty list clears the column, so the defaults apply;
/// <c>*</c> grants everything. Sessions stay (grant changes never end them); the next request sees the new scope.
/// The sentence describes the user's own prefixes; <c>users show</c> adds their groups'.
/// </summary>
public sealed class SetPrefixesHandler(IUserStore users, GrantInput grants, DefaultPrefixesSetting defaults, AdminConsole console)
{
    public async Task<int> RunAsync(string name, string prefixes, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var prefixList = grants.ParseList(prefixes);

        await users.UpdateAsync(userId, new UserChange(Prefixes: prefixList), cancellationToken);

        var scope = ScopeText.Sentence(userId, AccessScope.Resolve(prefixList, defaults.Value));
        console.Out.WriteLine(prefixList.Count == 0
            ? $"Cleared the prefixes of '{userId}'; their next request sees the change. {scope}"
            : $"Set the prefixes of '{userId}' to {PrefixList.Format(prefixList)}; their next request sees the change. {scope}");
        return ExitCodes.Success;
    }
}
