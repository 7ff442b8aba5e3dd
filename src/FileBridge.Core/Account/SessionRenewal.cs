using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Core.Account;

/// <summary>
/// After a change that ends every session of a person (a new password, a factor added or removed), the browser that
/// made the change keeps going: the account gets a new security stamp (every other session is dead at once on this
/// instance, within <c>Sessions:RevalidateAfter</c> elsewhere) and this browser a new session under it.
/// </summary>
public sealed class SessionRenewal(IUserStore users, SessionService sessions)
{
    /// <summary>Replaces the stamp, then renews the caller's session; null when the account is gone or disabled.</summary>
    public async Task<StartedSession?> ReplaceStampAsync(AuthenticatedUser caller, string? oldToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await users.UpdateAsync(caller.Id, new UserChange(RevokeSessions: true), cancellationToken);
        return await RenewAsync(caller, oldToken, cancellationToken);
    }

    /// <summary>A new session for the caller under the account's current stamp (already replaced by the change).</summary>
    public async Task<StartedSession?> RenewAsync(AuthenticatedUser caller, string? oldToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var user = await users.FindAsync(caller.Id, cancellationToken);
        await sessions.EndAsync(oldToken, cancellationToken);
        return user is null || user.Disabled ? null : await sessions.StartAsync(user, caller.Amr, cancellationToken);
    }
}
