namespace FileBridge.Core.Sessions;

public interface ISessionStore
{
    Task CreateAsync(SessionRecord session, CancellationToken cancellationToken);

    Task<SessionRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    Task TouchAsync(SessionRecord session, DateTimeOffset lastSeenAt, CancellationToken cancellationToken);

    Task DeleteAsync(string tokenHash, CancellationToken cancellationToken);
}
