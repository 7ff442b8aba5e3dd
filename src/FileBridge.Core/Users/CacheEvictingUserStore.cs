using FileBridge.Core.Sessions;

namespace FileBridge.Core.Users;

/// <summary>
/// The user table as the app writes it: every write also drops the row from this instance's
/// <see cref="SessionCheckCache"/>, so a password change, disable or new stamp made here counts here at once (other
/// instances see it within <see cref="SessionsOptions.RevalidateAfter"/>). Reads always go to the table: sign-in and
/// lockout never answer from memory.
/// </summary>
public sealed class CacheEvictingUserStore(IUserStore table, SessionCheckCache cache) : IUserStore
{
    public Task<UserAccount?> FindAsync(string userId, CancellationToken cancellationToken) => table.FindAsync(userId, cancellationToken);

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) => table.ListAsync(cancellationToken);

    public async Task AddAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await table.AddAsync(user, cancellationToken);
        cache.EvictUser(user.Id);
    }

    public async Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var updated = await table.TryUpdatePasswordHashAsync(user, passwordHash, cancellationToken);
        cache.EvictUser(user.Id);
        return updated;
    }

    public async Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateAsync(userId, change, cancellationToken);
        }
        finally
        {
            // Also when the write failed half-way: the next check reads the row, whatever it holds.
            cache.EvictUser(userId);
        }
    }

    public async Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            return await table.TryDeleteAsync(user, cancellationToken);
        }
        finally
        {
            cache.EvictUser(user.Id);
        }
    }

    public Task<bool> CanReachAsync(CancellationToken cancellationToken) => table.CanReachAsync(cancellationToken);
}
