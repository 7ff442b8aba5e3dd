using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users delete &lt;name&gt;</c>: the row goes (ETag-guarded), then every session ends; audit rows stay, they are
/// the record of what the person did. A session whose user row is gone is refused at its next check anyway; deleting
/// the session rows makes that immediate and the count visible.
/// </summary>
public sealed class DeleteUserHandler(IUserStore users, SessionService sessions, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);

        for (var attempt = 1; ; attempt++)
        {
            var user = await users.FindAsync(userId, cancellationToken) ?? throw new UserNotFoundException(userId);
            if (await users.TryDeleteAsync(user, cancellationToken))
            {
                break;
            }

            if (attempt == 5)
            {
                throw new AdminInputException($"'{userId}' kept changing while this ran; nothing was deleted. Try again.");
            }
        }

        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);
        console.Out.WriteLine($"Deleted user '{userId}'; ended {ended} session(s). Their audit rows stay.");
        return ExitCodes.Success;
    }
}
