using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Core.Tests.Sessions;

/// <summary>Session rows that count the reads and writes reaching them; reads can be held back to make them overlap.</summary>
internal sealed class CountingSessionStore(ISessionStore inner) : ISessionStore
{
    private int _finds;
    private int _touches;

    public int Finds => Volatile.Read(ref _finds);

    public int Touches => Volatile.Read(ref _touches);

    /// <summary>While set, every read waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public Task CreateAsync(SessionRecord session, CancellationToken cancellationToken) => inner.CreateAsync(session, cancellationToken);

    public async Task<SessionRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _finds);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return await inner.FindAsync(tokenHash, cancellationToken);
    }

    public Task TouchAsync(SessionRecord session, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _touches);
        return inner.TouchAsync(session, lastSeenAt, cancellationToken);
    }

    public Task DeleteAsync(string tokenHash, CancellationToken cancellationToken) => inner.DeleteAsync(tokenHash, cancellationToken);
}

/// <summary>User rows that count the reads reaching them.</summary>
internal sealed class CountingUserStore(SingleUserStore inner) : IUserStore
{
    private int _finds;

    public int Finds => Volatile.Read(ref _finds);

    public SingleUserStore Inner => inner;

    public Task<UserAccount?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _finds);
        return inner.FindAsync(userId, cancellationToken);
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public Task AddAsync(NewUser user, CancellationToken cancellationToken) => inner.AddAsync(user, cancellationToken);

    public Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken) =>
        inner.TryUpdatePasswordHashAsync(user, passwordHash, cancellationToken);

    public Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        inner.Account = inner.Account with
        {
            Disabled = change.Disabled ?? inner.Account.Disabled,
            PasswordHash = change.PasswordHash ?? inner.Account.PasswordHash,
            SecurityStamp = change.EndsSessions ? SecurityStamp.New() : inner.Account.SecurityStamp,
        };
        return Task.CompletedTask;
    }

    public Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> CanReachAsync(CancellationToken cancellationToken) => inner.CanReachAsync(cancellationToken);
}
