using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary><c>users set-prefixes &lt;name&gt; &lt;prefixes&gt;</c>: an empty list clears the column, so the defaults apply.</summary>
public sealed class SetPrefixesHandler(IUserStore users, AdminConsole console)
{
    public async Task<int> RunAsync(string name, string prefixes, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var prefixList = PrefixesInput.Parse(prefixes);

        await users.UpdateAsync(userId, new UserChange(Prefixes: prefixList), cancellationToken);

        console.Out.WriteLine(prefixList.Count == 0
            ? $"Cleared the prefixes of '{userId}'; Files:DefaultPrefixes apply."
            : $"Set the prefixes of '{userId}' to {PrefixList.Format(prefixList)}.");
        return ExitCodes.Success;
    }
}
