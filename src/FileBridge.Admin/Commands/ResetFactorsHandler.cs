using FileBridge.Admin.Cli;
using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.Login;
using FileBridge.Core.Login.Passwords;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Commands;

/// <summary>
/// <c>users reset-factors &lt;name&gt; [--json]</c>: for a person who lost their authenticator and passkeys. Everything
/// <c>reset-password</c> does (a temporary password shown once, a new security stamp that ends every session and
/// pending sign-in step, a new <c>DeviceEpoch</c>, every lockout budget cleared), and then TOTP, passkeys and recovery
/// codes go. The password is replaced first: if removing a factor fails half-way, whoever holds the old password
/// still meets the remaining factors and no session survives, and running the command again finishes the job.
/// </summary>
public sealed class ResetFactorsHandler(
    IUserStore users,
    PasswordHashing hashing,
    TemporaryPasswords temporaryPasswords,
    FactorSummaryReader summaries,
    FactorReset factors,
    AccountLockouts lockouts,
    SessionService sessions,
    AdminConsole console)
{
    public async Task<int> RunAsync(string name, bool json, CancellationToken cancellationToken)
    {
        var userId = UserNameInput.ToUserId(name);
        var user = await users.FindAsync(userId, cancellationToken) ?? throw new UserNotFoundException(userId);
        var before = await summaries.ReadAsync(userId, cancellationToken);

        var temporary = temporaryPasswords.Create(userId, user.DisplayName);
        await users.UpdateAsync(userId, new UserChange(
            PasswordHash: hashing.Hash(temporary.Password),
            TemporaryPasswordExpiresAt: temporary.ExpiresAt,
            ResetLockout: true,
            NewDeviceEpoch: true), cancellationToken);
        if (!await factors.ResetAsync(userId, cancellationToken))
        {
            // Deleted meanwhile, or the row kept changing under sign-ins: nothing half-done that a second run would not finish.
            throw await users.FindAsync(userId, cancellationToken) is null
                ? new UserNotFoundException(userId)
                : new InvalidOperationException("The account's factors kept changing while they were removed; run the command again.");
        }

        var browsers = await lockouts.ClearAllAsync(userId, cancellationToken);
        var ended = await sessions.EndAllForUserAsync(userId, cancellationToken);

        TemporaryPasswordOutput.Write(console, userId, temporary, json,
            $"Reset the second factors of '{userId}': removed {FactorText.Describe(before)}; ended {ended} session(s), "
            + $"cleared the lockout of every browser ({browsers} known). At the first sign-in they choose a password and, under Login:SecondFactor Required, enrol a factor.");
        return ExitCodes.Success;
    }
}
