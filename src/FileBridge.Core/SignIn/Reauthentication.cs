using FileBridge.Core.Login;
using FileBridge.Core.SecondFactor;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.SignIn;

/// <summary>
/// A signed-in person proves who they are again before a sensitive change (<c>Login:RecentAuthWindow</c>): the
/// password, and a code when they have a factor. Each failure counts in the same budget as a sign-in's; success
/// replaces the session with a new one (new token, authenticated now) and clears nothing.
/// </summary>
public sealed class Reauthentication(
    LoginService login,
    BudgetedCheck checks,
    TotpFactor totp,
    RecoveryCodeService recoveryCodes,
    FactorSummaryReader factors,
    SessionService sessions,
    IUserStore users,
    IOptions<SecondFactorOptions> options)
{
    public async Task<ReauthResult> WithPasswordAsync(
        AuthenticatedUser caller, string? oldToken, string? deviceCookie, string password, string? method, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var checkedPassword = await login.CheckPasswordAsync(caller.Id, password, deviceCookie, cancellationToken);
        switch (checkedPassword)
        {
            case LoginOutcome.LockedOut locked:
                return new ReauthResult(null, locked.RetryAfter);
            case LoginOutcome.Throttled throttled:
                return new ReauthResult(null, throttled.RetryAfter);
            case LoginOutcome.Busy busy:
                return new ReauthResult(null, busy.RetryAfter, Busy: true);
            case not LoginOutcome.PasswordAccepted:
                return ReauthResult.Refused;
        }

        var accepted = (LoginOutcome.PasswordAccepted)checkedPassword;
        var amr = SessionAmr.Password;
        var hasFactor = options.Value.SecondFactor != SecondFactorPolicy.Off
            && (await factors.ReadAsync(caller.Id, cancellationToken)).HasFactor;
        if (hasFactor)
        {
            if (!SecondFactorMethods.IsCode(method))
            {
                return ReauthResult.Refused;
            }

            var check = await checks.RunAsync(accepted.Budget, ct => method == SecondFactorMethods.Totp
                ? totp.VerifyAsync(caller.Id, code, ct)
                : recoveryCodes.UseAsync(caller.Id, code, ct), cancellationToken);
            if (check is CheckOutcome.Locked locked)
            {
                return new ReauthResult(null, locked.RetryAfter);
            }

            if (check is not CheckOutcome.Accepted)
            {
                return ReauthResult.Refused;
            }

            amr = method == SecondFactorMethods.Totp ? SessionAmr.PasswordAndCode : SessionAmr.PasswordAndRecoveryCode;
        }

        return new ReauthResult(await ReplaceSessionAsync(accepted.User, oldToken, amr, cancellationToken));
    }

    /// <summary>A passkey of the caller (with user verification) was just verified.</summary>
    public async Task<ReauthResult> WithPasskeyAsync(AuthenticatedUser caller, string? oldToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return await users.FindAsync(caller.Id, cancellationToken) is { Disabled: false } user
            ? new ReauthResult(await ReplaceSessionAsync(user, oldToken, SessionAmr.Passkey, cancellationToken))
            : ReauthResult.Refused;
    }

    private async Task<StartedSession> ReplaceSessionAsync(UserAccount user, string? oldToken, string amr, CancellationToken cancellationToken)
    {
        var session = await sessions.StartAsync(user, amr, cancellationToken);
        await sessions.EndAsync(oldToken, cancellationToken);
        return session;
    }
}
