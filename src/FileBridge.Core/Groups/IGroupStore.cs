namespace FileBridge.Core.Groups;

/// <summary>The Groups table. Edits are guarded by the row's ETag: an edit based on a stale read is refused, not merged.</summary>
public interface IGroupStore
{
    Task<AccessGroup?> FindAsync(string groupId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessGroup>> ListAsync(CancellationToken cancellationToken);

    /// <exception cref="GroupAlreadyExistsException">The name is taken.</exception>
    Task AddAsync(AccessGroup group, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="group"/>'s display name and prefixes if the row still has <see cref="AccessGroup.ETag"/>.</summary>
    /// <returns>False when the row changed or went since it was read.</returns>
    Task<bool> TryUpdateAsync(AccessGroup group, CancellationToken cancellationToken);

    /// <summary>Deletes the row if it still has <see cref="AccessGroup.ETag"/>.</summary>
    /// <returns>False when the row changed or went since it was read.</returns>
    Task<bool> TryDeleteAsync(AccessGroup group, CancellationToken cancellationToken);
}
