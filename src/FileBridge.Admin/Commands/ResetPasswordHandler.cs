using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Login;
using FileBridge.Core.Login.Passwords;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users reset-password &lt;name&gt; [--json]</c>: a new temporary password, shown once. In the same write the
/// row gets a new security stamp (every session and pending sign-in step ends), a new <c>DeviceEpoch</c> (no browser
/// is a known one any more) and a clear untrusted budget; then every known browser's budget is cleared and the
/// session rows go. Second factors stay: a reset password alone does not let anyone past them.
/// </summary>
public sealed class ResetPasswordHandler(
    IUserStore users,
    PasswordHashing hashing,
    TemporaryPasswords temporaryPasswords,
    AccountLockouts lockouts,
    SessionService sessions,
    AdminConsole console)
{
    public async Task<int> RunAsync(string name, bool json, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var user = await users.FindAsync(userId, cancellationToken) ?? throw new UserNotFoundException(userId);

        var temporary = temporaryPasswords.Create(userId, user.DisplayName);
        await users.UpdateAsync(userId, new UserChange(
            PasswordHash: hashing.Hash(temporary.Password),
            TemporaryPasswordExpiresAt: temporary.ExpiresAt,
            ResetLockout: true,
            NewDeviceEpoch: true), cancellationToken);
        var browsers = await lockouts.ClearAllAsync(userId, cancellationToken);
        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);

        TemporaryPasswordOutput.Write(console, userId, temporary, json,
            $"Reset the password of '{userId}': ended {ended} session(s), cleared the lockout of every browser ({browsers} known), kept second factors.");
        return ExitCodes.Success;
    }
}
