using FileBridge.Core.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Throttling;

public sealed class KeyedRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_BurstThenEmpty_RefusesWithTheTimeToTheNextToken()
    {
        using var limiter = new KeyedRateLimiter(TokenBucket.Rate(30, TimeSpan.FromMinutes(1), 30), _time);

        var allowed = Enumerable.Range(0, 30).Count(_ => limiter.TryAcquire("client:203.0.113.7").Allowed);
        var refused = limiter.TryAcquire("client:203.0.113.7");

        Assert.Equal(30, allowed);
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task TryAcquire_AfterTime_RefillsAtTheRate()
    {
        // Refill follows the real clock (the library's); poll with a generous deadline.
        using var limiter = new KeyedRateLimiter(new TokenBucket(2, TimeSpan.FromMilliseconds(50)), _time);
        limiter.TryAcquire("a");
        limiter.TryAcquire("a");
        Assert.False(limiter.TryAcquire("a").Allowed);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!limiter.TryAcquire("a").Allowed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(DateTime.UtcNow < deadline, "the bucket never refilled");
    }

    [Fact]
    public void TryAcquire_KeysArePartitioned()
    {
        using var limiter = new KeyedRateLimiter(new TokenBucket(1, TimeSpan.FromMinutes(1)), _time);

        Assert.True(limiter.TryAcquire("client:10.0.0.1").Allowed);
        Assert.False(limiter.TryAcquire("client:10.0.0.1").Allowed);
        Assert.True(limiter.TryAcquire("client:10.0.0.2").Allowed);
        Assert.True(limiter.TryAcquire("user:10.0.0.1").Allowed);
    }

    [Fact]
    public void TryAcquire_IdleLongEnoughToRefill_DropsTheBucket()
    {
        using var limiter = new KeyedRateLimiter(TokenBucket.Rate(30, TimeSpan.FromMinutes(1), 30), _time);
        limiter.TryAcquire("a");
        limiter.TryAcquire("b");

        _time.Advance(TimeSpan.FromSeconds(59));
        limiter.TryAcquire("b");
        _time.Advance(TimeSpan.FromSeconds(2));
        limiter.TryAcquire("c");

        Assert.Equal(2, limiter.Count);
    }

    [Fact]
    public void TryAcquire_DroppedBucket_BehavesLikeTheOneItReplaced()
    {
        using var limiter = new KeyedRateLimiter(new TokenBucket(3, TimeSpan.FromSeconds(10)), _time);
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("a");
        }

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => limiter.TryAcquire("a").Allowed));
    }

    [Fact]
    public void TryAcquire_AMillionDistinctKeys_HoldsAtMostMaxKeys()
    {
        using var limiter = new KeyedRateLimiter(TokenBucket.Rate(30, TimeSpan.FromMinutes(1), 30), _time, maxKeys: 1_000);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 1_000_000; i++)
        {
            limiter.TryAcquire("client:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.Equal(1_000, limiter.Count);
        Assert.InRange(grown, long.MinValue, 4L * 1024 * 1024);
    }

    [Fact]
    public void TryAcquire_FullTable_EvictsTheLeastRecentlyUsed()
    {
        using var limiter = new KeyedRateLimiter(new TokenBucket(1, TimeSpan.FromHours(1)), _time, maxKeys: 2);
        limiter.TryAcquire("a");
        limiter.TryAcquire("b");
        limiter.TryAcquire("a");

        limiter.TryAcquire("c");

        Assert.False(limiter.TryAcquire("a").Allowed);
        Assert.True(limiter.TryAcquire("b").Allowed);
    }
}
