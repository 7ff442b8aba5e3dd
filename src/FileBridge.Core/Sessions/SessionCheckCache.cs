using System.Collections.Concurrent;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Sessions;

/// <summary>
/// This instance's memory of the rows an established session's check needs (the session by its token's hash, the
/// user, the user's groups), so a warm request reads no table inside <see cref="SessionsOptions.RevalidateAfter"/>.
/// An entry older than that is read again before use. Requests that arrive at once for a row not in memory share one
/// read. At most <see cref="MaxEntries"/> rows are kept; rows saying "no such session" (forged or ended tokens) are the
/// first to go when it is full. Only <see cref="SessionService.AuthenticateAsync"/> reads through it: sign-in,
/// lockout counters and account writes always use the tables.
/// </summary>
public sealed class SessionCheckCache : IDisposable
{
    /// <summary>Rows kept at most: about half a kilobyte each, so a few megabytes however many tokens are tried.</summary>
    public const int MaxEntries = 20_000;

    private const string SessionKind = "session:";
    private const string UserKind = "user:";
    private const string GroupKind = "group:";

    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedRow>>> _reads = new(StringComparer.Ordinal);

    // When this instance ended every session of a user: cached session rows read before then are read again. Kept apart
    // from the bounded rows, so no flood of tokens can push one out; an entry older than the window is of no use.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessionsEndedAt = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private long _evictions;

    public SessionCheckCache(IOptions<SessionsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _window = options.Value.RevalidateAfter;
    }

    /// <summary>Rows held now (for tests and the benchmark).</summary>
    public int Count => _rows.Count;

    /// <summary>The session row, from memory when read within the window, unless <paramref name="fresh"/>.</summary>
    public async Task<CachedSession?> FindSessionAsync(
        string tokenHash, Func<CancellationToken, Task<SessionRecord?>> read, bool fresh, CancellationToken cancellationToken)
    {
        var key = SessionKind + tokenHash;
        var row = await GetAsync(key, async ct => await read(ct) is { } record ? new CachedSession(record) : null, fresh, cancellationToken);
        if (row is { Value: CachedSession session } && !fresh && EndedSince(session.Record.UserId, row.ReadAt))
        {
            row = await GetAsync(key, async ct => await read(ct) is { } record ? new CachedSession(record) : null, fresh: true, cancellationToken);
        }

        return row.Value as CachedSession;
    }

    /// <summary>The user row, from memory when read within the window, unless <paramref name="fresh"/>.</summary>
    public async Task<UserAccount?> FindUserAsync(
        string userId, Func<CancellationToken, Task<UserAccount?>> read, bool fresh, CancellationToken cancellationToken) =>
        (await GetAsync(UserKind + userId, async ct => await read(ct), fresh, cancellationToken)).Value as UserAccount;

    /// <summary>A group row (its grants), from memory when read within the window, unless <paramref name="fresh"/>.</summary>
    public async Task<AccessGroup?> FindGroupAsync(
        string groupId, Func<CancellationToken, Task<AccessGroup?>> read, bool fresh, CancellationToken cancellationToken) =>
        (await GetAsync(GroupKind + groupId, async ct => await read(ct), fresh, cancellationToken)).Value as AccessGroup;

    /// <summary>A session ended here (signed out, found dead): this instance stops answering from memory at once.</summary>
    public void EvictSession(string tokenHash) => Evict(SessionKind + tokenHash);

    /// <summary>The user row changed here (password, disabled, prefixes, stamp): read it again at the next check.</summary>
    public void EvictUser(string userId) => Evict(UserKind + userId);

    /// <summary>Every session of the user ended here: sessions held in memory are read again before use.</summary>
    public void SessionsOfUserEnded(string userId)
    {
        var now = _time.GetUtcNow();
        foreach (var (id, at) in _sessionsEndedAt)
        {
            if (now - at > _window)
            {
                _sessionsEndedAt.TryRemove(KeyValuePair.Create(id, at));
            }
        }

        _sessionsEndedAt[userId] = now;
        EvictUser(userId);
    }

    public void Dispose() => _rows.Dispose();

    private bool EndedSince(string userId, DateTimeOffset readAt) =>
        _sessionsEndedAt.TryGetValue(userId, out var endedAt) && readAt <= endedAt;

    private void Evict(string key)
    {
        Interlocked.Increment(ref _evictions);
        _rows.Remove(key);
        _reads.TryRemove(key, out _);
    }

    private async Task<CachedRow> GetAsync(string key, Func<CancellationToken, Task<object?>> read, bool fresh, CancellationToken cancellationToken)
    {
        if (_window == TimeSpan.Zero)
        {
            // Every request reads: nothing is kept, nothing is shared.
            var now = _time.GetUtcNow();
            return new CachedRow(await read(cancellationToken), now);
        }

        if (!fresh && _rows.TryGetValue(key, out CachedRow? known) && _time.GetUtcNow() - known!.ReadAt < _window)
        {
            return known;
        }

        var shared = _reads.GetOrAdd(key, k => new Lazy<Task<CachedRow>>(() => ReadAndKeepAsync(k, read)));
        try
        {
            return await shared.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _reads.TryRemove(KeyValuePair.Create(key, shared));
        }
    }

    // One read for everyone waiting on the key: not cancelled when the first of them gives up.
    private async Task<CachedRow> ReadAndKeepAsync(string key, Func<CancellationToken, Task<object?>> read)
    {
        var evictions = Interlocked.Read(ref _evictions);
        var row = new CachedRow(await read(CancellationToken.None).ConfigureAwait(false), _time.GetUtcNow());
        // A sign-out or revocation that landed while the row was on its way makes the row stale: answer with it, keep it not.
        if (Interlocked.Read(ref _evictions) == evictions)
        {
            _rows.Set(key, row, new MemoryCacheEntryOptions
            {
                Size = 1,
                // Rows of no session (most of them forged tokens) go first when memory is full.
                Priority = row.Value is null ? CacheItemPriority.Low : CacheItemPriority.Normal,
                // Past the window a row is read again before use anyway; this only frees memory of rows nobody asks for.
                SlidingExpiration = _window + TimeSpan.FromMinutes(1),
            });
        }

        return row;
    }

    private sealed record CachedRow(object? Value, DateTimeOffset ReadAt);
}
