using FileBridge.Core.Login;
using FileBridge.Core.Login.Passwords;
using FileBridge.Core.Users;

namespace FileBridge.Core.Account;

/// <summary>
/// A person changes their own password: the current one is checked as a sign-in checks it (counted in the same
/// budget, rate-limited, in a password-check slot), the new one must pass <see cref="PasswordPolicy"/> (and differ
/// from a temporary one), and the write replaces the security stamp, so every session made before it ends.
/// </summary>
public sealed class PasswordChange(LoginService login, PasswordPolicy policy, PasswordHashing hashing, PasswordCheckGate gate, PasswordChangeWriter writer)
{
    /// <summary>Checks the current password and the new one; the write is <see cref="WriteAsync"/>, so a step can be finished in between.</summary>
    public async Task<(LoginOutcome.PasswordAccepted? Accepted, PasswordChangeResult? Refusal)> CheckAsync(
        string userId, string? deviceCookie, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var outcome = await login.CheckPasswordAsync(userId, currentPassword, deviceCookie, cancellationToken);
        switch (outcome)
        {
            case LoginOutcome.LockedOut locked:
                return (null, new PasswordChangeResult.Refused(locked.RetryAfter, Busy: false, Throttled: false));
            case LoginOutcome.Throttled throttled:
                return (null, new PasswordChangeResult.Refused(throttled.RetryAfter, Busy: false, Throttled: true));
            case LoginOutcome.Busy busy:
                return (null, new PasswordChangeResult.Refused(busy.RetryAfter, Busy: true, Throttled: false));
            case not LoginOutcome.PasswordAccepted:
                return (null, new PasswordChangeResult.WrongCurrent());
        }

        var accepted = (LoginOutcome.PasswordAccepted)outcome;
        var user = accepted.User;
        var verdict = policy.Check(newPassword, user.Id, user.DisplayName, user.IsPasswordTemporary ? currentPassword : null);
        return verdict.IsAccepted ? (accepted, null) : (null, new PasswordChangeResult.Weak(verdict));
    }

    /// <summary>Writes the new password over the one that was verified.</summary>
    public async Task<PasswordChangeResult> WriteAsync(UserAccount verified, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verified);
        string hash;
        using (var slot = await gate.TryEnterAsync(cancellationToken))
        {
            if (slot is null)
            {
                return new PasswordChangeResult.Refused(TimeSpan.FromSeconds(1), Busy: true, Throttled: false);
            }

            hash = gate.Run(() => hashing.Hash(newPassword));
        }

        return await writer.TryChangeAsync(verified.Id, verified.PasswordHash, hash, cancellationToken) is { } stamp
            ? new PasswordChangeResult.Changed(stamp)
            : new PasswordChangeResult.WrongCurrent();
    }
}
