using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users disable &lt;name&gt;</c>. The app refuses a disabled user's sessions at their next request (and the
/// new security stamp would end them too); ending them here as well removes the rows at once and makes the effect
/// visible to the operator. Its browsers stop being known ones (a new <c>DeviceEpoch</c>).
/// </summary>
public sealed class DisableUserHandler(IUserStore users, SessionService sessions, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        await users.UpdateAsync(userId, new UserChange(Disabled: true, NewDeviceEpoch: true), cancellationToken);
        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);

        console.Out.WriteLine($"Disabled user '{userId}'; ended {ended} session(s).");
        return ExitCodes.Success;
    }
}
