using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>Starts, checks and ends sessions, applying the idle and absolute timeouts.</summary>
public sealed partial class SessionService(
    ISessionStore sessions,
    IUserStore users,
    SessionCheckCache cache,
    IOptions<SessionsOptions> options,
    TimeProvider time,
    ILogger<SessionService> logger)
{
    private static readonly TimeSpan MaxTouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>With a cache of its own (tests, tools); the app shares one <see cref="SessionCheckCache"/> per instance.</summary>
    public SessionService(ISessionStore sessions, IUserStore users, IOptions<SessionsOptions> options, TimeProvider time, ILogger<SessionService> logger)
        : this(sessions, users, new SessionCheckCache(options, time), options, time, logger)
    {
    }

    private readonly SessionsOptions _options = options.Value;

    public Task<StartedSession> StartAsync(UserAccount user, CancellationToken cancellationToken) =>
        StartAsync(user, SessionAmr.Password, cancellationToken);

    /// <summary>A session authenticated by <paramref name="amr"/> (<see cref="SessionAmr"/>), just now.</summary>
    public async Task<StartedSession> StartAsync(UserAccount user, string amr, CancellationToken cancellationToken)
    {
        var token = SessionToken.Create();
        var now = time.GetUtcNow();
        // The stamp of the row whose password was verified, not of a later read: a reset that landed meanwhile
        // has a new stamp, and this session is then dead at its first request.
        var record = new SessionRecord(SessionToken.HashOf(token), user.Id, now, now + _options.AbsoluteTimeout, now)
        {
            SecurityStamp = user.SecurityStamp,
            Amr = amr,
            AuthenticatedAt = now,
        };
        await sessions.CreateAsync(record, cancellationToken);
        LogStarted(logger, user.Id);
        return new StartedSession(token, ToUser(user, record));
    }

    /// <returns>
    /// The signed-in user, or null when the token is unknown, expired, revoked, its user disabled, or the user's
    /// password or sessions changed since it was created (the security stamp differs). Answered from this instance's
    /// memory when its rows were read within <see cref="SessionsOptions.RevalidateAfter"/>; a refusal for idleness or a
    /// changed stamp is decided on rows read again, never on remembered ones.
    /// </returns>
    public async Task<AuthenticatedUser?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SessionToken.LooksValid(token))
        {
            return null;
        }

        var tokenHash = SessionToken.HashOf(token!);
        var entry = await FindSessionAsync(tokenHash, fresh: false, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!entry.IsActiveAt(now, _options.IdleTimeout))
        {
            // Another instance may have seen the session since this one read it: the row decides.
            entry = await FindSessionAsync(tokenHash, fresh: true, cancellationToken);
            if (entry is null)
            {
                return null;
            }

            if (!entry.IsActiveAt(now, _options.IdleTimeout))
            {
                await EndSessionAsync(entry.Record, cancellationToken);
                LogExpired(logger, entry.Record.UserId);
                return null;
            }
        }

        var user = await FindUserAsync(entry.Record.UserId, fresh: false, cancellationToken);
        if (user is null || user.Disabled || !SecurityStamp.Matches(entry.Record.SecurityStamp, user.SecurityStamp))
        {
            // Remembered rows may be older than the change (or than a reauth that gave the session the new stamp).
            entry = await FindSessionAsync(tokenHash, fresh: true, cancellationToken);
            if (entry is null)
            {
                return null;
            }

            user = await FindUserAsync(entry.Record.UserId, fresh: true, cancellationToken);
            if (user is null || user.Disabled)
            {
                await EndSessionAsync(entry.Record, cancellationToken);
                return null;
            }

            if (!SecurityStamp.Matches(entry.Record.SecurityStamp, user.SecurityStamp))
            {
                await EndSessionAsync(entry.Record, cancellationToken);
                LogStampChanged(logger, entry.Record.UserId);
                return null;
            }
        }

        // Touching on every request would double the table writes; a fraction of the idle timeout (at most a
        // minute) keeps the idle expiry accurate enough. Requests arriving at once touch once.
        if (entry.TryClaimTouch(now, TouchInterval))
        {
            await sessions.TouchAsync(entry.Record, now, cancellationToken);
        }

        return ToUser(user, entry.Record);
    }

    private static AuthenticatedUser ToUser(UserAccount user, SessionRecord record) =>
        new(user.Id, user.DisplayName, user.Prefixes, record.ExpiresAt)
        {
            Amr = record.Amr ?? SessionAmr.Password,
            AuthenticatedAt = record.AuthenticatedAt ?? record.CreatedAt,
            NoSecondFactor = user.NoSecondFactor,
        };

    public async Task EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (SessionToken.LooksValid(token))
        {
            var tokenHash = SessionToken.HashOf(token!);
            await sessions.DeleteAsync(tokenHash, cancellationToken);
            cache.EvictSession(tokenHash);
        }
    }

    public async Task<int> EndAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var ended = await sessions.DeleteAllForUserAsync(userId, cancellationToken);
        cache.SessionsOfUserEnded(userId);
        return ended;
    }

    private Task<CachedSession?> FindSessionAsync(string tokenHash, bool fresh, CancellationToken cancellationToken) =>
        cache.FindSessionAsync(tokenHash, ct => sessions.FindAsync(tokenHash, ct), fresh, cancellationToken);

    private Task<UserAccount?> FindUserAsync(string userId, bool fresh, CancellationToken cancellationToken) =>
        cache.FindUserAsync(userId, ct => users.FindAsync(userId, ct), fresh, cancellationToken);

    private async Task EndSessionAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await sessions.DeleteAsync(session.TokenHash, cancellationToken);
        cache.EvictSession(session.TokenHash);
    }

    private TimeSpan TouchInterval => TimeSpan.FromTicks(Math.Min(MaxTouchInterval.Ticks, _options.IdleTimeout.Ticks / 10));

    [LoggerMessage(Level = LogLevel.Information, Message = "Session started for {UserId}")]
    private static partial void LogStarted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {UserId} ended: the account changed since it was created")]
    private static partial void LogStampChanged(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired session of {UserId} removed")]
    private static partial void LogExpired(ILogger logger, string userId);
}
