using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>sessions revoke &lt;name&gt;</c>. A new security stamp ends every session of the user at its next request,
/// including one a sign-in creates while this runs; the rows are then deleted so the count is visible. Sessions are
/// ended even when the user row is gone (removed by hand); only when there is neither a user nor a session is the
/// name reported as unknown, to catch typos.
/// </summary>
public sealed class RevokeSessionsHandler(IUserStore users, SessionService sessions, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        var userExists = true;
        try
        {
            await users.UpdateAsync(userId, new UserChange(RevokeSessions: true), cancellationToken);
        }
        catch (UserNotFoundException)
        {
            userExists = false;
        }

        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);
        if (ended == 0 && !userExists)
        {
            throw new UserNotFoundException(userId);
        }

        console.Out.WriteLine($"Ended {ended} session(s) of '{userId}'.");
        return ExitCodes.Success;
    }
}
