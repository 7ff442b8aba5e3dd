using FileBridge.Core.Groups;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>Starts, checks and ends sessions, applying the idle and absolute timeouts.</summary>
/// <remarks>
/// A person's sessions are found through <see cref="ISessionIndex"/> (listing, ending others, revocation and
/// <see cref="SessionsOptions.MaxPerUser"/>), never by scanning the Sessions table.
/// </remarks>
public sealed partial class SessionService(
    ISessionStore sessions,
    ISessionIndex index,
    IUserStore users,
    SessionCheckCache cache,
    IOptions<SessionsOptions> options,
    TimeProvider time,
    ILogger<SessionService> logger,
    GroupGrantsReader? groupGrants = null)
{
    private static readonly TimeSpan MaxTouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>With a cache of its own (tests, tools); the app shares one <see cref="SessionCheckCache"/> per instance.</summary>
    public SessionService(ISessionStore sessions, ISessionIndex index, IUserStore users, IOptions<SessionsOptions> options, TimeProvider time, ILogger<SessionService> logger)
        : this(sessions, index, users, new SessionCheckCache(options, time), options, time, logger)
    {
    }

    private readonly SessionsOptions _options = options.Value;

    public Task<StartedSession> StartAsync(UserAccount user, CancellationToken cancellationToken) =>
        StartAsync(user, SessionAmr.Password, cancellationToken);

    /// <summary>A session authenticated by <paramref name="amr"/> (<see cref="SessionAmr"/>), just now, from the request being served.</summary>
    public Task<StartedSession> StartAsync(UserAccount user, string amr, CancellationToken cancellationToken) =>
        StartAsync(user, amr, AmbientSessionOrigin.Read(), cancellationToken);

    /// <summary>
    /// A session authenticated by <paramref name="amr"/>, just now. The session the browser already carried
    /// (<see cref="SessionOrigin.PresentedToken"/>) ends, and so do the person's least recently seen sessions beyond
    /// <see cref="SessionsOptions.MaxPerUser"/>.
    /// </summary>
    public async Task<StartedSession> StartAsync(UserAccount user, string amr, SessionOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (origin?.PresentedToken is { } presented)
        {
            await EndAsync(presented, cancellationToken);
        }

        var token = SessionToken.Create();
        var now = time.GetUtcNow();
        // The stamp of the row whose password was verified, not of a later read: a reset that landed meanwhile
        // has a new stamp, and this session is then dead at its first request.
        var record = new SessionRecord(SessionToken.HashOf(token), user.Id, now, now + _options.AbsoluteTimeout, now)
        {
            SecurityStamp = user.SecurityStamp,
            SessionId = SessionIds.New(),
            Amr = amr,
            AuthenticatedAt = now,
        };
        // The row first, the entry second: a session is usable only once its token leaves, after both, and one
        // that a concurrent sign-in picks to end is then already there to be ended.
        await sessions.CreateAsync(record, cancellationToken);
        IReadOnlyList<SessionIndexEntry> ended;
        try
        {
            ended = await index.AddAsync(
                user.Id,
                new SessionIndexEntry(record.SessionId, record.TokenHash, now, record.ExpiresAt, now, origin?.Client, origin?.Address),
                others => SessionLimit.ToRemove(others, _options.MaxPerUser, now, _options.IdleTimeout),
                EndIndexedAsync,
                cancellationToken);
        }
        catch (Exception)
        {
            // A session nobody can find through the index must not stay usable.
            await sessions.DeleteAsync(record.TokenHash, CancellationToken.None);
            throw;
        }

        LogStarted(logger, user.Id);
        if (ended.Count > 0)
        {
            LogLimited(logger, user.Id, ended.Count);
        }

        return new StartedSession(token, ToUser(user, record));
    }

    /// <summary>The person's live sessions, most recently seen first; <paramref name="currentToken"/>'s is marked.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, string? currentToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var currentHash = SessionToken.LooksValid(currentToken) ? SessionToken.HashOf(currentToken!) : null;
        return (await index.ListAsync(userId, cancellationToken))
            .Where(e => e.IsActiveAt(now, _options.IdleTimeout))
            .OrderByDescending(e => e.LastSeenAt)
            .ThenByDescending(e => e.CreatedAt)
            .Select(e => new SessionSummary(e.SessionId, e.CreatedAt, e.LastSeenAt, e.Client, e.Address, e.TokenHash == currentHash))
            .ToList();
    }

    /// <summary>Ends the person's session <paramref name="sessionId"/>; another person's is <see cref="EndSessionResult.NotFound"/>.</summary>
    public async Task<EndSessionResult> EndOneAsync(string userId, string sessionId, string? currentToken, CancellationToken cancellationToken)
    {
        // The partition is the person's own: another person's id is simply not there.
        if (await index.FindAsync(userId, sessionId, cancellationToken) is not { } entry
            || !entry.IsActiveAt(time.GetUtcNow(), _options.IdleTimeout))
        {
            return EndSessionResult.NotFound;
        }

        await EndIndexedAsync(entry, cancellationToken);
        await index.RemoveAsync(userId, entry.SessionId, cancellationToken);
        LogEndedOne(logger, userId);
        return SessionToken.LooksValid(currentToken) && SessionToken.HashOf(currentToken!) == entry.TokenHash
            ? EndSessionResult.EndedCurrent
            : EndSessionResult.Ended;
    }

    /// <returns>How many of the person's other sessions ended.</returns>
    public async Task<int> EndOthersAsync(string userId, string? currentToken, CancellationToken cancellationToken)
    {
        var currentHash = SessionToken.LooksValid(currentToken) ? SessionToken.HashOf(currentToken!) : null;
        var others = (await index.ListAsync(userId, cancellationToken)).Where(e => e.TokenHash != currentHash).ToList();
        return await EndEntriesAsync(userId, others, cancellationToken);
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
            await TouchAsync(entry.Record, now, cancellationToken);
        }

        // Grants are read like the user row (within the window), so a grant or membership change reaches the next
        // request without ending the session.
        return ToUser(user, entry.Record) with
        {
            GroupGrants = groupGrants is null ? [] : await groupGrants.OfAsync(user, cache, cancellationToken),
        };
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
            // Read (from memory when the request was just checked) to find the session's index entry.
            var entry = await FindSessionAsync(tokenHash, fresh: false, cancellationToken);
            await sessions.DeleteAsync(tokenHash, cancellationToken);
            cache.EvictSession(tokenHash);
            await RemoveFromIndexAsync(entry?.Record, cancellationToken);
        }
    }

    /// <returns>How many sessions ended: those the person's index names, read in one partition, no scan.</returns>
    public async Task<int> EndAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var ended = await EndEntriesAsync(userId, await index.ListAsync(userId, cancellationToken), cancellationToken);
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
        await RemoveFromIndexAsync(session, cancellationToken);
    }

    // The session row goes before its entry: a session is never left usable without an entry naming it.
    private async Task EndIndexedAsync(SessionIndexEntry entry, CancellationToken cancellationToken)
    {
        await sessions.DeleteAsync(entry.TokenHash, cancellationToken);
        cache.EvictSession(entry.TokenHash);
    }

    private async Task<int> EndEntriesAsync(string userId, IReadOnlyList<SessionIndexEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            await EndIndexedAsync(entry, cancellationToken);
            await index.RemoveAsync(userId, entry.SessionId, cancellationToken);
        }

        return entries.Count(e => e.IsActiveAt(now, _options.IdleTimeout));
    }

    private async Task RemoveFromIndexAsync(SessionRecord? session, CancellationToken cancellationToken)
    {
        // Sessions started before the index existed have no entry.
        if (session?.SessionId is { } sessionId)
        {
            await index.RemoveAsync(session.UserId, sessionId, cancellationToken);
        }
    }

    // The index entry's last-seen time follows the row's, at the same cadence: the list needs no row of its own.
    private Task TouchAsync(SessionRecord session, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.SessionId is { } sessionId
            ? Task.WhenAll(sessions.TouchAsync(session, now, cancellationToken), index.TouchAsync(session.UserId, sessionId, now, cancellationToken))
            : sessions.TouchAsync(session, now, cancellationToken);

    private TimeSpan TouchInterval => TimeSpan.FromTicks(Math.Min(MaxTouchInterval.Ticks, _options.IdleTimeout.Ticks / 10));

    [LoggerMessage(Level = LogLevel.Information, Message = "Session started for {UserId}")]
    private static partial void LogStarted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {UserId} ended: the account changed since it was created")]
    private static partial void LogStampChanged(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in of {UserId} ended {Count} older sessions (Sessions:MaxPerUser)")]
    private static partial void LogLimited(ILogger logger, string userId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "A session of {UserId} ended by its owner")]
    private static partial void LogEndedOne(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired session of {UserId} removed")]
    private static partial void LogExpired(ILogger logger, string userId);
}
