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
}
