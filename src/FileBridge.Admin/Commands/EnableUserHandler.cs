using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary><c>users enable &lt;name&gt;</c>; like every change of <c>Disabled</c>, it gives the row a new security stamp.</summary>
public sealed class EnableUserHandler(IUserStore users, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        await users.UpdateAsync(userId, new UserChange(Disabled: false), cancellationToken);

        console.Out.WriteLine($"Enabled user '{userId}'.");
        return ExitCodes.Success;
    }
}
