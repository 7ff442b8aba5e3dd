using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users set-prefixes &lt;name&gt; &lt;prefixes&gt;</c>: an empty list clears the column, so the defaults apply;
/// <c>*</c> grants everything. The change gives the row a new security stamp, which ends the user's sessions.
/// </summary>
public sealed class SetPrefixesHandler(IUserStore users, DefaultPrefixesSetting defaults, AdminConsole console)
{
    public async Task<int> RunAsync(string name, string prefixes, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var prefixList = PrefixesInput.Parse(prefixes, defaults.LocationNames);

        await users.UpdateAsync(userId, new UserChange(Prefixes: prefixList), cancellationToken);

        var scope = ScopeText.Sentence(userId, AccessScope.Resolve(prefixList, defaults.Value));
        console.Out.WriteLine(prefixList.Count == 0
            ? $"Cleared the prefixes of '{userId}'; their sessions end at their next request. {scope}"
            : $"Set the prefixes of '{userId}' to {PrefixList.Format(prefixList)}; their sessions end at their next request. {scope}");
        return ExitCodes.Success;
    }
}
