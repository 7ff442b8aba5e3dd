using Azure;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>One live session of alice, in memory; counts how often a session is looked up.</summary>
internal sealed class PipelineSessions : ISessionStore, ISessionIndex, IUserStore
{
    public const string UserId = "alice";

    public static readonly string Token = SessionToken.Create();

    private readonly SessionRecord _session;
    private int _reads;

    public PipelineSessions(TimeProvider time)
    {
        var now = time.GetUtcNow();
        _session = new SessionRecord(SessionToken.HashOf(Token), UserId, now, now.AddHours(1), now);
    }

    public int Reads => Volatile.Read(ref _reads);

    public Task<SessionRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(tokenHash == _session.TokenHash ? _session : null);
    }

    Task<UserAccount?> IUserStore.FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(userId == UserId ? new UserAccount(UserId, "Alice", "unused", false, ["alice/"], 0, null, ETag.All) : null);

    public Task TouchAsync(SessionRecord session, DateTimeOffset lastSeenAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CreateAsync(SessionRecord session, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(string tokenHash, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<SessionIndexEntry>> ISessionIndex.AddAsync(
        string userId,
        SessionIndexEntry entry,
        Func<IReadOnlyList<SessionIndexEntry>, IReadOnlyList<SessionIndexEntry>> toRemove,
        Func<SessionIndexEntry, CancellationToken, Task> endSession,
        CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<SessionIndexEntry>> ISessionIndex.ListAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<SessionIndexEntry?> ISessionIndex.FindAsync(string userId, string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task ISessionIndex.TouchAsync(string userId, string sessionId, DateTimeOffset lastSeenAt, CancellationToken cancellationToken) => Task.CompletedTask;

    Task<bool> ISessionIndex.RemoveAsync(string userId, string sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AddAsync(NewUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> CanReachAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
