using FileBridge.Core.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Aws;

public sealed class AssumedRoleCacheTests
{
    private static readonly RoleRequest Alice = new("alice", ["home/alice/"], TestLocations.Demo);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetAsync_RepeatedRequests_CallStsOnce()
    {
        var (cache, assumer) = Create();

        for (var i = 0; i < 100; i++)
        {
            await cache.GetAsync(Alice, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, assumer.Calls);
    }

    [Fact]
    public async Task GetAsync_FiftyConcurrentFirstRequests_ShareOneStsCall()
    {
        var (cache, assumer) = Create();
        assumer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.GetAsync(Alice, CancellationToken.None))).ToList();
        await Task.Delay(50);
        assumer.Gate.SetResult();
        var sessions = await Task.WhenAll(requests);

        Assert.Equal(1, assumer.Calls);
        Assert.All(sessions, s => Assert.Same(sessions[0], s));
    }

    [Fact]
    public async Task GetAsync_DifferentUsersOrScopes_GetTheirOwnCredentials()
    {
        var (cache, assumer) = Create();

        var a = await cache.GetAsync(Alice, CancellationToken.None);
        var b = await cache.GetAsync(new RoleRequest("alice", ["shared/"], TestLocations.Demo), CancellationToken.None);
        var c = await cache.GetAsync(new RoleRequest("bob", ["home/alice/"], TestLocations.Demo), CancellationToken.None);

        Assert.Equal(3, assumer.Calls);
        Assert.Equal(3, new[] { a, b, c }.Select(s => s.Credentials.AccessKeyId).Distinct().Count());
    }

    [Fact]
    public async Task GetAsync_AfterEightyPercentOfLifetime_ServesCachedAndRenewsInBackground()
    {
        var (cache, assumer) = Create();
        var first = await cache.GetAsync(Alice, CancellationToken.None);
        Assert.Equal(_time.GetUtcNow().AddMinutes(48), first.RefreshAt);

        _time.Advance(TimeSpan.FromMinutes(47));
        var beforeRefresh = await cache.GetAsync(Alice, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var duringRefresh = await cache.GetAsync(Alice, CancellationToken.None);
        await WaitUntilAsync(() => assumer.Calls == 2);
        var afterRefresh = await WaitForNewSessionAsync(cache, first);

        Assert.Same(first, beforeRefresh);
        Assert.Same(first, duringRefresh);
        Assert.NotSame(first, afterRefresh);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task GetAsync_ShortLifetime_RenewsAtLeastFiveMinutesBeforeExpiry()
    {
        var (cache, _) = Create(TimeSpan.FromMinutes(15));

        var session = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.Equal(session.ExpiresAt - TimeSpan.FromMinutes(5), session.RefreshAt);
    }

    [Fact]
    public async Task GetAsync_CredentialsAboutToExpire_FetchesNewOnesBeforeAnswering()
    {
        var (cache, assumer) = Create();
        var first = await cache.GetAsync(Alice, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(59.5));
        var second = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.True(second.ExpiresAt > _time.GetUtcNow().AddMinutes(30));
    }

    [Fact]
    public async Task GetAsync_TransientFailure_IsNotCached()
    {
        var (cache, assumer) = Create();
        assumer.Failure = new UpstreamUnavailableException("down", TimeSpan.FromSeconds(5), isPermanent: false);
        await Assert.ThrowsAsync<UpstreamUnavailableException>(() => cache.GetAsync(Alice, CancellationToken.None));

        assumer.Failure = null;
        var session = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.NotNull(session);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task GetAsync_Denied_IsRememberedForTheDenialMemoryOnly()
    {
        var (cache, assumer) = Create();
        assumer.Failure = new UpstreamUnavailableException("denied", TimeSpan.FromSeconds(30), isPermanent: true);

        await Assert.ThrowsAsync<UpstreamUnavailableException>(() => cache.GetAsync(Alice, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(20));
        var remembered = await Assert.ThrowsAsync<UpstreamUnavailableException>(() => cache.GetAsync(Alice, CancellationToken.None));
        var callsWhileRemembered = assumer.Calls;
        _time.Advance(TimeSpan.FromSeconds(11));
        assumer.Failure = null;
        await cache.GetAsync(Alice, CancellationToken.None);

        Assert.Equal(1, callsWhileRemembered);
        Assert.Equal(TimeSpan.FromSeconds(10), remembered.RetryAfter);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task GetAsync_OneCallerGivesUp_OthersStillGetTheSharedResult()
    {
        var (cache, assumer) = Create();
        assumer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var impatient = new CancellationTokenSource();

        var first = cache.GetAsync(Alice, impatient.Token);
        var second = cache.GetAsync(Alice, CancellationToken.None);
        await impatient.CancelAsync();
        assumer.Gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.NotNull(await second);
        Assert.Equal(1, assumer.Calls);
    }

    [Fact]
    public async Task InvalidateBadCredentials_ForgetsTheCredentials()
    {
        var (cache, assumer) = Create();
        var stale = await cache.GetAsync(Alice, CancellationToken.None);

        var retry = cache.InvalidateBadCredentials(Alice, stale);
        var fresh = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.True(retry);
        Assert.NotSame(stale, fresh);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task InvalidateBadCredentials_AgainWithinAMinute_KeepsTheCredentials()
    {
        var (cache, assumer) = Create();
        await InvalidateCurrentAsync(cache, Alice);
        var second = await cache.GetAsync(Alice, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));

        var retries = Enumerable.Range(0, 100).Select(_ => cache.InvalidateBadCredentials(Alice, second)).ToList();
        var current = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.All(retries, Assert.False);
        Assert.Same(second, current);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task InvalidateBadCredentials_AfterAMinute_ForgetsThemAgain()
    {
        var (cache, assumer) = Create();
        await InvalidateCurrentAsync(cache, Alice);
        var second = await cache.GetAsync(Alice, CancellationToken.None);
        _time.Advance(AssumedRoleCache.InvalidationInterval);

        var retry = cache.InvalidateBadCredentials(Alice, second);
        var third = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.True(retry);
        Assert.NotSame(second, third);
        Assert.Equal(3, assumer.Calls);
    }

    [Fact]
    public async Task InvalidateBadCredentials_OfOneScope_LeavesTheOtherScopesAlone()
    {
        var (cache, assumer) = Create();
        var shared = new RoleRequest("alice", ["shared/"], TestLocations.Demo);
        await InvalidateCurrentAsync(cache, Alice);
        var sharedSession = await cache.GetAsync(shared, CancellationToken.None);

        var retry = cache.InvalidateBadCredentials(shared, sharedSession);
        var freshShared = await cache.GetAsync(shared, CancellationToken.None);

        Assert.True(retry);
        Assert.NotSame(sharedSession, freshShared);
        Assert.Equal(3, assumer.Calls);
    }

    [Fact]
    public async Task InvalidateBadCredentials_AlreadyReplaced_RetriesWithTheNewOnesWithoutAnotherCall()
    {
        var (cache, assumer) = Create();
        var stale = await cache.GetAsync(Alice, CancellationToken.None);
        cache.InvalidateBadCredentials(Alice, stale);
        var fresh = await cache.GetAsync(Alice, CancellationToken.None);

        // A second request that failed with the same stale credentials, a moment later.
        var retry = cache.InvalidateBadCredentials(Alice, stale);
        var current = await cache.GetAsync(Alice, CancellationToken.None);

        Assert.True(retry);
        Assert.Same(fresh, current);
        Assert.Equal(2, assumer.Calls);
    }

    [Fact]
    public async Task InvalidateBadCredentials_ClientInUse_IsDisposedWhenTheLastLeaseEnds()
    {
        var (cache, _) = Create();
        var first = await cache.AcquireAsync(Alice, CancellationToken.None);
        var second = await cache.AcquireAsync(Alice, CancellationToken.None);
        var stale = first.Session;

        cache.InvalidateBadCredentials(Alice, stale);
        var afterInvalidation = stale.IsDisposed;
        first.Dispose();
        var afterFirstLease = stale.IsDisposed;
        second.Dispose();

        Assert.False(afterInvalidation);
        Assert.False(afterFirstLease);
        Assert.True(stale.IsDisposed);
    }

    [Fact]
    public async Task AcquireAsync_CachedCredentials_AreNotDisposedWhileCurrent()
    {
        var (cache, _) = Create();

        using (await cache.AcquireAsync(Alice, CancellationToken.None))
        {
        }

        var session = await cache.GetAsync(Alice, CancellationToken.None);
        Assert.False(session.IsDisposed);
    }

    [Fact]
    public async Task AcquireAsync_AfterBackgroundRenewal_DisposesTheReplacedClientOnceReleased()
    {
        var (cache, assumer) = Create();
        var held = await cache.AcquireAsync(Alice, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(49));

        using (await cache.AcquireAsync(Alice, CancellationToken.None))
        {
        }

        await WaitUntilAsync(() => assumer.Calls == 2);
        var renewed = await WaitForNewSessionAsync(cache, held.Session);
        var whileHeld = held.Session.IsDisposed;
        held.Dispose();

        Assert.NotSame(held.Session, renewed);
        Assert.False(whileHeld);
        Assert.True(held.Session.IsDisposed);
        Assert.False(renewed.IsDisposed);
    }

    [Fact]
    public async Task AcquireAsync_ExpiredCredentials_AreDisposedWhenReplaced()
    {
        var (cache, _) = Create();
        var first = await cache.GetAsync(Alice, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(59.5));

        using var lease = await cache.AcquireAsync(Alice, CancellationToken.None);

        Assert.NotSame(first, lease.Session);
        Assert.True(first.IsDisposed);
    }

    private (AssumedRoleCache Cache, CountingRoleAssumer Assumer) Create(TimeSpan? lifetime = null)
    {
        var options = Options.Create(new AwsOptions { Region = "us-east-1", RoleArn = "arn:aws:iam:::role/r", DenialMemory = TimeSpan.FromSeconds(30) });
        var assumer = new CountingRoleAssumer(_time, lifetime ?? TimeSpan.FromHours(1));
        var cache = new AssumedRoleCache(assumer, new S3ClientFactory(options), options, _time, NullLogger<AssumedRoleCache>.Instance);
        return (cache, assumer);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private static async Task<AssumedRoleSession> WaitForNewSessionAsync(AssumedRoleCache cache, AssumedRoleSession old)
    {
        for (var i = 0; i < 200; i++)
        {
            var current = await cache.GetAsync(Alice, CancellationToken.None);
            if (!ReferenceEquals(current, old))
            {
                return current;
            }

            await Task.Delay(10);
        }

        return old;
    }

    private static async Task InvalidateCurrentAsync(AssumedRoleCache cache, RoleRequest request) =>
        Assert.True(cache.InvalidateBadCredentials(request, await cache.GetAsync(request, CancellationToken.None)));
}
