using System.Collections.Concurrent;
using FileBridge.Core.Sessions;

namespace FileBridge.Core.Tests.Sessions;

internal sealed class InMemorySessionStore : ISessionStore
{
    public ConcurrentDictionary<string, SessionRecord> Rows { get; } = new();

    public Task CreateAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        Rows[session.TokenHash] = session;
        return Task.CompletedTask;
    }

    public Task<SessionRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.GetValueOrDefault(tokenHash));

    public Task TouchAsync(SessionRecord session, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        Rows[session.TokenHash] = session with { LastSeenAt = lastSeenAt };
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string tokenHash, CancellationToken cancellationToken)
    {
        Rows.TryRemove(tokenHash, out _);
        return Task.CompletedTask;
    }

    public Task<int> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var mine = Rows.Values.Where(r => r.UserId == userId).ToList();
        mine.ForEach(r => Rows.TryRemove(r.TokenHash, out _));
        return Task.FromResult(mine.Count);
    }
}
