using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>sessions revoke &lt;name&gt;</c>. Sessions are ended even when the user row is gone (removed by
/// hand); only when there is neither a user nor a session is the name reported as unknown, to catch typos.
/// </summary>
public sealed class RevokeSessionsHandler(IUserStore users, SessionService sessions, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);
        if (ended == 0 && await users.FindAsync(userId, cancellationToken) is null)
        {
            throw new UserNotFoundException(userId);
        }

        console.Out.WriteLine($"Ended {ended} session(s) of '{userId}'.");
        return ExitCodes.Success;
    }
}
