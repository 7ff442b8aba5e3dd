using System.Collections.Concurrent;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>
/// Assumed-role credentials per (user, scope). Concurrent first requests for one key share a single STS call;
/// credentials are renewed in the background once <see cref="AssumedRoleSession.RefreshAt"/> passes, so a request
/// never waits for STS while usable credentials exist. Permanent refusals are remembered for
/// <see cref="AwsOptions.DenialMemory"/> so a misconfigured role is not hammered.
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

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<AssumedRoleSession>>> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> refreshing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, UpstreamUnavailableException Failure)> refusals = new(StringComparer.Ordinal);
    private long nextSweepTicks;

    public int Count => entries.Count;

    public async Task<AssumedRoleSession> GetAsync(RoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.CacheKey;
        SweepIfDue();

        while (true)
        {
            var now = timeProvider.GetUtcNow();
            if (entries.TryGetValue(key, out var entry))
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

                    entries.TryRemove(KeyValuePair.Create(key, entry));
                    continue;
                }

                // Waiting for a call another request started is a miss too: this request waits for STS.
                metrics?.CredentialsCache(hit: false);
                return await entry.Value.WaitAsync(cancellationToken);
            }

            if (refusals.TryGetValue(key, out var refusal))
            {
                if (now < refusal.Until)
                {
                    throw new UpstreamUnavailableException(refusal.Failure.Message, refusal.Until - now, true, refusal.Failure);
                }

                refusals.TryRemove(KeyValuePair.Create(key, refusal));
            }

            metrics?.CredentialsCache(hit: false);
            var created = NewEntry(key, request);
            var winner = entries.GetOrAdd(key, created);
            // The shared call runs without any one caller's token: one person giving up must not fail the others.
            // Each attempt is bounded by the "sts" pipeline's timeout, so it cannot hang.
            return await winner.Value.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the credentials of a key, e.g. when S3 says they are no longer valid.</summary>
    public void Invalidate(RoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        entries.TryRemove(request.CacheKey, out _);
    }

    public void Dispose()
    {
        foreach (var entry in entries.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                entry.Value.Result.S3.Dispose();
            }
        }

        entries.Clear();
    }

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
            return CreateSession(await assumer.AssumeAsync(request, CancellationToken.None));
        }
        catch (UpstreamUnavailableException e) when (e.IsPermanent && options.Value.DenialMemory > TimeSpan.Zero)
        {
            refusals[key] = (timeProvider.GetUtcNow() + options.Value.DenialMemory, e);
            entries.TryRemove(KeyValuePair.Create(key, self));
            throw;
        }
        catch
        {
            // A failed call is not cached: the next request tries again (the pipeline's breaker limits how often).
            entries.TryRemove(KeyValuePair.Create(key, self));
            throw;
        }
    }

    private void StartBackgroundRefresh(string key, RoleRequest request, Lazy<Task<AssumedRoleSession>> current)
    {
        if (refreshing.TryAdd(key, 0))
        {
            _ = RefreshAsync(key, request, current);
        }
    }

    private async Task RefreshAsync(string key, RoleRequest request, Lazy<Task<AssumedRoleSession>> current)
    {
        try
        {
            var fresh = CreateSession(await assumer.AssumeAsync(request, CancellationToken.None));
            entries.TryUpdate(key, new Lazy<Task<AssumedRoleSession>>(Task.FromResult(fresh)), current);
        }
        catch (Exception e)
        {
            // The current credentials stay in use until they are too close to expiry; then a request fetches in the foreground.
            LogRefreshFailed(logger, RoleSessionNames.ForUser(request.UserId), e.GetType().Name);
        }
        finally
        {
            refreshing.TryRemove(key, out _);
        }
    }

    private AssumedRoleSession CreateSession(RoleCredentials credentials)
    {
        var now = timeProvider.GetUtcNow();
        var lifetime = credentials.ExpiresAt - now;
        var lead = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 5, RefreshLeadTime.Ticks));
        var refreshAt = credentials.ExpiresAt - lead;
        return new AssumedRoleSession(credentials, s3Clients.Create(credentials.ToAwsCredentials()), refreshAt < now ? now : refreshAt);
    }

    private void SweepIfDue()
    {
        var now = timeProvider.GetUtcNow();
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, entry) in entries)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result.ExpiresAt <= now
                && entries.TryRemove(KeyValuePair.Create(key, entry)))
            {
                entry.Value.Result.S3.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background renewal of credentials for session {SessionName} failed ({Failure}); the current ones stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, string sessionName, string failure);
}
