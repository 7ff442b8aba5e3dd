namespace FileBridge.Core.Users;

/// <summary>The company's user accounts. Updates merge, so columns the app doesn't know survive.</summary>
public interface IUserStore
{
    Task<UserAccount?> FindAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    /// <exception cref="UserAlreadyExistsException">The name is taken.</exception>
    Task AddAsync(NewUser user, CancellationToken cancellationToken);

    /// <summary>Replaces the hash only if the row is unchanged since it was read; the security stamp stays.</summary>
    Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Applies an operator's change; one that <see cref="UserChange.EndsSessions"/> also writes a new security stamp.</summary>
    /// <exception cref="UserNotFoundException">No such user.</exception>
    /// <exception cref="UserChangedException">The change named <see cref="UserChange.IfMatch"/> and the row changed since.</exception>
    Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken);

    /// <summary>Deletes the row if it still has <see cref="UserAccount.ETag"/>.</summary>
    /// <returns>False when the row changed or went since it was read.</returns>
    Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken);

    Task<bool> CanReachAsync(CancellationToken cancellationToken);
}
