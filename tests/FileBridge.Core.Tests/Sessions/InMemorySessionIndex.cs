using System.Collections.Concurrent;
using FileBridge.Core.Sessions;

namespace FileBridge.Core.Tests.Sessions;

/// <summary>The session index in memory, one step at a time per person as the table's transaction makes it; counts its reads.</summary>
internal sealed class InMemorySessionIndex : ISessionIndex
{
    private readonly ConcurrentDictionary<string, Dictionary<string, SessionIndexEntry>> _byUser = new(StringComparer.Ordinal);
    private int _lists;

    public int Lists => Volatile.Read(ref _lists);

    public IReadOnlyList<SessionIndexEntry> EntriesOf(string userId)
    {
        var entries = Partition(userId);
        lock (entries)
        {
            return entries.Values.ToList();
        }
    }

    public async Task<IReadOnlyList<SessionIndexEntry>> AddAsync(
        string userId,
        SessionIndexEntry entry,
        Func<IReadOnlyList<SessionIndexEntry>, IReadOnlyList<SessionIndexEntry>> toRemove,
        Func<SessionIndexEntry, CancellationToken, Task> endSession,
        CancellationToken cancellationToken)
    {
        var entries = Partition(userId);
        IReadOnlyList<SessionIndexEntry> removals;
        lock (entries)
        {
            removals = toRemove(entries.Values.ToList());
            foreach (var removal in removals)
            {
                entries.Remove(removal.SessionId);
            }

            entries[entry.SessionId] = entry;
        }

        foreach (var removal in removals)
        {
            await endSession(removal, cancellationToken);
        }

        return removals;
    }

    public Task<IReadOnlyList<SessionIndexEntry>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lists);
        return Task.FromResult(EntriesOf(userId));
    }

    public Task<SessionIndexEntry?> FindAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        var entries = Partition(userId);
        lock (entries)
        {
            return Task.FromResult(entries.GetValueOrDefault(sessionId));
        }
    }

    public Task TouchAsync(string userId, string sessionId, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        var entries = Partition(userId);
        lock (entries)
        {
            if (entries.TryGetValue(sessionId, out var entry))
            {
                entries[sessionId] = entry with { LastSeenAt = lastSeenAt };
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        var entries = Partition(userId);
        lock (entries)
        {
            return Task.FromResult(entries.Remove(sessionId));
        }
    }

    private Dictionary<string, SessionIndexEntry> Partition(string userId) => _byUser.GetOrAdd(userId, _ => new(StringComparer.Ordinal));
}
