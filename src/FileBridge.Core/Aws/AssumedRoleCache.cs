using System.Collections.Concurrent;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>
/// Assumed-role credentials per (user, scope). Concurrent first requests for one key share a single STS call;
/// credentials are renewed in the background once <see cref="AssumedRoleSession.RefreshAt"/> passes, so a request
/// never waits for STS while usable credentials exist. Permanent refusals are remembered for
/// <see cref="AwsOptions.DenialMemory"/> so a misconfigured role is not hammered. Credentials are thrown away on
/// AWS's word that they are bad at most once per <see cref="InvalidationInterval"/> per key, so no request pattern
/// can drive STS calls. A replaced S3 client is disposed when the last request using it ends.
/// </summary>
public sealed partial class AssumedRoleCache(
    IRoleAssumer assumer,
    S3ClientFactory s3Clients,
    IOptions<AwsOptions> options,
    TimeProvider timeProvider,
    ILogger<AssumedRoleCache> logger,
    FileBridgeMetrics? metrics = null) : IDisposable
{
    /// <summary>Credentials closer than this to expiry are not handed out: a listing or a download link must outlive the request.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(1);

    /// <summary>Renew when 80% of the lifetime has passed, but at least this long before expiry.</summary>
    public static readonly TimeSpan RefreshLeadTime = TimeSpan.FromMinutes(5);

    /// <summary>Cached credentials of one key are thrown away at most this often.</summary>
    public static readonly TimeSpan InvalidationInterval = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<AssumedRoleSession>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refreshing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, UpstreamUnavailableException Failure)> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInvalidations = new(StringComparer.Ordinal);
    private readonly Lock _invalidationGate = new();
    private long _nextSweepTicks;

    public int Count => _entries.Count;

    /// <summary>Credentials for <paramref name="request"/>, held for one request: dispose the lease when done.</summary>
    public async Task<AssumedRoleLease> AcquireAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = await GetAsync(request, cancellationToken);
            if (session.TryAcquire())
            {
                return new AssumedRoleLease(session);
            }

            // Replaced between the lookup and the lease: the cache already holds (or is fetching) newer ones.
        }
    }

    /// <summary>The current session without a lease; its client may be disposed at any time once replaced.</summary>
    internal async Task<AssumedRoleSession> GetAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.CacheKey;
        SweepIfDue();

        while (true)
        {
            var now = timeProvider.GetUtcNow();
            if (_entries.TryGetValue(key, out var entry))
            {
                if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
                {
                    var session = entry.Value.Result;
                    if (now < session.RefreshAt)
                    {
                        metrics?.CredentialsCache(hit: true);
                        return session;
                    }

                    if (now < session.ExpiresAt - MinimumRemaining)
                    {
                        StartBackgroundRefresh(key, request, entry);
                        metrics?.CredentialsCache(hit: true);
                        return session;
                    }

                    if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
                    {
                        session.Retire();
                    }

                    continue;
                }

                // Waiting for a call another request started is a miss too: this request waits for STS.
                metrics?.CredentialsCache(hit: false);
                return await entry.Value.WaitAsync(cancellationToken);
            }

            if (_refusals.TryGetValue(key, out var refusal))
            {
                if (now < refusal.Until)
                {
                    throw new UpstreamUnavailableException(refusal.Failure.Message, refusal.Until - now, true, refusal.Failure);
                }

                _refusals.TryRemove(KeyValuePair.Create(key, refusal));
            }

            metrics?.CredentialsCache(hit: false);
            var created = NewEntry(key, request);
            var winner = _entries.GetOrAdd(key, created);
            // The shared call runs without any one caller's token: one person giving up must not fail the others.
            // Each attempt is bounded by the "sts" pipeline's timeout, so it cannot hang.
            return await winner.Value.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Throws away <paramref name="stale"/> after AWS said its credentials are bad (see <see cref="BadCredentials"/>),
    /// unless credentials of the same key were thrown away less than <see cref="InvalidationInterval"/> ago.
    /// </summary>
    /// <returns>True when a retry will use other credentials than <paramref name="stale"/>; false when it would not.</returns>
    public bool InvalidateBadCredentials(RoleRequest request, AssumedRoleSession stale)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stale);
        var key = request.CacheKey;
        lock (_invalidationGate)
        {
            if (!_entries.TryGetValue(key, out var entry) || !Holds(entry, stale))
            {
                // Another request already replaced them: a retry uses the newer ones and costs nothing here.
                return true;
            }

            var now = timeProvider.GetUtcNow();
            if (_lastInvalidations.TryGetValue(key, out var last) && now - last < InvalidationInterval)
            {
                LogInvalidationLimited(logger, request.SessionName);
                return false;
            }

            _lastInvalidations[key] = now;
            if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
            {
                stale.Retire();
            }

            return true;
        }
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.Retire();
            }
        }

        _entries.Clear();
    }

    private static bool Holds(Lazy<Task<AssumedRoleSession>> entry, AssumedRoleSession session) =>
        entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && ReferenceEquals(entry.Value.Result, session);

    private Lazy<Task<AssumedRoleSession>> NewEntry(string key, RoleRequest request)
    {
        Lazy<Task<AssumedRoleSession>>? self = null;
        self = new Lazy<Task<AssumedRoleSession>>(() => FetchAsync(key, request, self!), LazyThreadSafetyMode.ExecutionAndPublication);
        return self;
    }

    private async Task<AssumedRoleSession> FetchAsync(string key, RoleRequest request, Lazy<Task<AssumedRoleSession>> self)
    {
        try
        {
            return CreateSession(await assumer.AssumeAsync(request, CancellationToken.None), request);
        }
        catch (UpstreamUnavailableException e) when (e.IsPermanent && options.Value.DenialMemory > TimeSpan.Zero)
        {
            _refusals[key] = (timeProvider.GetUtcNow() + options.Value.DenialMemory, e);
            _entries.TryRemove(KeyValuePair.Create(key, self));
            throw;
        }
        catch
        {
            // A failed call is not cached: the next request tries again (the pipeline's breaker limits how often).
            _entries.TryRemove(KeyValuePair.Create(key, self));
            throw;
        }
    }

    private void StartBackgroundRefresh(string key, RoleRequest request, Lazy<Task<AssumedRoleSession>> current)
    {
        if (_refreshing.TryAdd(key, 0))
        {
            _ = RefreshAsync(key, request, current);
        }
    }

    private async Task RefreshAsync(string key, RoleRequest request, Lazy<Task<AssumedRoleSession>> current)
    {
        try
        {
            var fresh = CreateSession(await assumer.AssumeAsync(request, CancellationToken.None), request);
            if (_entries.TryUpdate(key, new Lazy<Task<AssumedRoleSession>>(Task.FromResult(fresh)), current))
            {
                current.Value.Result.Retire();
            }
            else
            {
                // The old ones were thrown away meanwhile and newer ones are cached or coming: these are not needed.
                fresh.Retire();
            }
        }
        catch (Exception e)
        {
            // The current credentials stay in use until they are too close to expiry; then a request fetches in the foreground.
            LogRefreshFailed(logger, request.SessionName, e.GetType().Name);
        }
        finally
        {
            _refreshing.TryRemove(key, out _);
        }
    }

    private AssumedRoleSession CreateSession(RoleCredentials credentials, RoleRequest request)
    {
        var now = timeProvider.GetUtcNow();
        var lifetime = credentials.ExpiresAt - now;
        var lead = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 5, RefreshLeadTime.Ticks));
        var refreshAt = credentials.ExpiresAt - lead;
        return new AssumedRoleSession(credentials, s3Clients.Create(credentials.ToAwsCredentials(), request.Location.Region), refreshAt < now ? now : refreshAt);
    }

    private void SweepIfDue()
    {
        var now = timeProvider.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result.ExpiresAt <= now
                && _entries.TryRemove(KeyValuePair.Create(key, entry)))
            {
                entry.Value.Result.Retire();
            }
        }

        foreach (var (key, last) in _lastInvalidations)
        {
            if (now - last >= InvalidationInterval)
            {
                _lastInvalidations.TryRemove(KeyValuePair.Create(key, last));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Credentials for session {SessionName} were thrown away less than a minute ago; keeping the current ones")]
    private static partial void LogInvalidationLimited(ILogger logger, string sessionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background renewal of credentials for session {SessionName} failed ({Failure}); the current ones stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, string sessionName, string failure);
}
