using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users set-password &lt;name&gt;</c>: replaces the hash and clears the lockout. Existing sessions
/// are ended too: a reset usually follows a suspected leak, and a session opened with the old password
/// must not outlive it.
/// </summary>
public sealed class SetPasswordHandler(IUserStore users, PasswordHashing hashing, PasswordReader passwords, SessionService sessions, AdminConsole console)
{
    public async Task<int> RunAsync(string name, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        if (await users.FindAsync(userId, cancellationToken) is null)
        {
            throw new UserNotFoundException(userId);
        }

        var password = passwords.ReadNewPassword(userId);
        await users.UpdateAsync(userId, new UserChange(PasswordHash: hashing.Hash(password), ResetLockout: true), cancellationToken);
        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);

        console.Out.WriteLine($"Replaced the password of '{userId}' and cleared its lockout; ended {ended} session(s).");
        return ExitCodes.Success;
    }
}
