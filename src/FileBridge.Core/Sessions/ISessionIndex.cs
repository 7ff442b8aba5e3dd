namespace FileBridge.Core.Sessions;

/// <summary>
/// Each person's sessions, kept apart from the Sessions table (which is keyed by token hash and cannot be asked
/// "whose"), so that listing, ending and limiting a person's sessions reads one partition and never scans.
/// </summary>
public interface ISessionIndex
{
    /// <summary>
    /// Adds <paramref name="entry"/> and, in the same atomic step, removes the entries <paramref name="toRemove"/>
    /// picks from the person's others (the session limit); <paramref name="endSession"/> ends each picked session
    /// before its entry goes, so no session outlives its entry. Sign-ins arriving at once each see the others'
    /// entries: the step is retried until it lands on the partition as the one who read it last.
    /// </summary>
    /// <returns>The entries removed.</returns>
    Task<IReadOnlyList<SessionIndexEntry>> AddAsync(
        string userId,
        SessionIndexEntry entry,
        Func<IReadOnlyList<SessionIndexEntry>, IReadOnlyList<SessionIndexEntry>> toRemove,
        Func<SessionIndexEntry, CancellationToken, Task> endSession,
        CancellationToken cancellationToken);

    /// <summary>The person's sessions (one partition read), including idle or expired ones not yet removed.</summary>
    Task<IReadOnlyList<SessionIndexEntry>> ListAsync(string userId, CancellationToken cancellationToken);

    Task<SessionIndexEntry?> FindAsync(string userId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Records activity; a removed entry stays removed.</summary>
    Task TouchAsync(string userId, string sessionId, DateTimeOffset lastSeenAt, CancellationToken cancellationToken);

    /// <returns>False when there was no such entry.</returns>
    Task<bool> RemoveAsync(string userId, string sessionId, CancellationToken cancellationToken);
}
