namespace FileBridge.Core.Sessions;

/// <summary>
/// <see cref="SessionsOptions.MaxPerUser"/>: which of a person's other sessions a new sign-in ends. Those already
/// idle or expired always go; of the live ones, the new session and the most recently seen stay, up to the
/// limit. The order is total (last seen, then created, then id), so sign-ins arriving at once agree on it.
/// </summary>
public static class SessionLimit
{
    public static IReadOnlyList<SessionIndexEntry> ToRemove(
        IReadOnlyList<SessionIndexEntry> others, int maxPerUser, DateTimeOffset now, TimeSpan idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(others);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerUser, 1);
        var dead = others.Where(e => !e.IsActiveAt(now, idleTimeout));
        var overLimit = others
            .Where(e => e.IsActiveAt(now, idleTimeout))
            .OrderByDescending(e => e.LastSeenAt)
            .ThenByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.SessionId, StringComparer.Ordinal)
            .Skip(maxPerUser - 1);
        return dead.Concat(overLimit).ToList();
    }
}
