using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>Starts, checks and ends sessions, applying the idle and absolute timeouts.</summary>
public sealed partial class SessionService(
    ISessionStore sessions,
    IUserStore users,
    IOptions<SessionsOptions> options,
    TimeProvider time,
    ILogger<SessionService> logger)
{
    private static readonly TimeSpan MaxTouchInterval = TimeSpan.FromMinutes(1);

    private readonly SessionsOptions _options = options.Value;

    public async Task<StartedSession> StartAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var token = SessionToken.Create();
        var now = time.GetUtcNow();
        // The stamp of the row whose password was verified, not of a later read: a reset that landed meanwhile
        // has a new stamp, and this session is then dead at its first request.
        var record = new SessionRecord(SessionToken.HashOf(token), user.Id, now, now + _options.AbsoluteTimeout, now)
        {
            SecurityStamp = user.SecurityStamp,
        };
        await sessions.CreateAsync(record, cancellationToken);
        LogStarted(logger, user.Id);
        return new StartedSession(token, new AuthenticatedUser(user.Id, user.DisplayName, user.Prefixes, record.ExpiresAt));
    }

    /// <returns>
    /// The signed-in user, or null when the token is unknown, expired, revoked, its user disabled, or the user's
    /// password, scope or sessions changed since it was created (the security stamp differs).
    /// </returns>
    public async Task<AuthenticatedUser?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SessionToken.LooksValid(token))
        {
            return null;
        }

        var session = await sessions.FindAsync(SessionToken.HashOf(token!), cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!session.IsActiveAt(now, _options.IdleTimeout))
        {
            await sessions.DeleteAsync(session.TokenHash, cancellationToken);
            LogExpired(logger, session.UserId);
            return null;
        }

        var user = await users.FindAsync(session.UserId, cancellationToken);
        if (user is null || user.Disabled)
        {
            await sessions.DeleteAsync(session.TokenHash, cancellationToken);
            return null;
        }

        if (!SecurityStamp.Matches(session.SecurityStamp, user.SecurityStamp))
        {
            await sessions.DeleteAsync(session.TokenHash, cancellationToken);
            LogStampChanged(logger, session.UserId);
            return null;
        }

        // Touching on every request would double the table writes; a fraction of the idle
        // timeout keeps the idle expiry accurate enough.
        if (now - session.LastSeenAt >= TouchInterval)
        {
            await sessions.TouchAsync(session, now, cancellationToken);
        }

        return new AuthenticatedUser(user.Id, user.DisplayName, user.Prefixes, session.ExpiresAt);
    }

    public async Task EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (SessionToken.LooksValid(token))
        {
            await sessions.DeleteAsync(SessionToken.HashOf(token!), cancellationToken);
        }
    }

    public Task<int> EndAllForUserAsync(string userId, CancellationToken cancellationToken) =>
        sessions.DeleteAllForUserAsync(userId, cancellationToken);

    private TimeSpan TouchInterval => TimeSpan.FromTicks(Math.Min(MaxTouchInterval.Ticks, _options.IdleTimeout.Ticks / 10));

    [LoggerMessage(Level = LogLevel.Information, Message = "Session started for {UserId}")]
    private static partial void LogStarted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {UserId} ended: the account changed since it was created")]
    private static partial void LogStampChanged(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired session of {UserId} removed")]
    private static partial void LogExpired(ILogger logger, string userId);
}
