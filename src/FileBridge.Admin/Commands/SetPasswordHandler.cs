using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users set-password &lt;name&gt; --permanent</c>: an operator-chosen password, for service accounts and demos
/// only (a person gets <c>users reset-password</c>, so no operator knows their password). Replaces the hash, clears
/// the untrusted lockout budget and ends the user's sessions: a session opened with the old password must not
/// outlive it.
/// </summary>
public sealed class SetPasswordHandler(IUserStore users, PasswordHashing hashing, PasswordReader passwords, SessionService sessions, AdminConsole console)
{
    public async Task<int> RunAsync(string name, bool permanent, CancellationToken cancellationToken)
    {
        if (!permanent)
        {
            console.Error.WriteLine(
                "'users set-password' sets a password the operator knows, for service accounts and demos: add --permanent. "
                + "To give a person a new password, use 'users reset-password <name>': it prints a temporary one they must change.");
            return ExitCodes.UseAnotherCommand;
        }

        var userId = UserNameInput.ToUserId(name);
        var user = await users.FindAsync(userId, cancellationToken) ?? throw new UserNotFoundException(userId);

        var password = passwords.ReadNewPassword(userId, user.DisplayName);
        await users.UpdateAsync(userId, new UserChange(PasswordHash: hashing.Hash(password), ResetLockout: true), cancellationToken);
        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);

        console.Out.WriteLine($"Replaced the password of '{userId}' and cleared its lockout; ended {ended} session(s).");
        return ExitCodes.Success;
    }
}
