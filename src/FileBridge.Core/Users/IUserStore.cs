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
    Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken);

    Task<bool> CanReachAsync(CancellationToken cancellationToken);
}
