using FileBridge.Core.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Core.Tests.Throttling;

[Collection(MeasurementCollection.Name)]
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
    public void TryAcquire_AfterTime_RefillsAtTheRate()
    {
        using var limiter = new KeyedRateLimiter(new TokenBucket(2, TimeSpan.FromSeconds(10)), _time);
        limiter.TryAcquire("a");
        limiter.TryAcquire("a");
        var empty = limiter.TryAcquire("a");

        _time.Advance(TimeSpan.FromSeconds(9.9));
        var early = limiter.TryAcquire("a");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var onTime = limiter.TryAcquire("a");
        var afterIt = limiter.TryAcquire("a");

        Assert.False(empty.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), empty.RetryAfter);
        Assert.False(early.Allowed);
        Assert.InRange(early.RetryAfter, TimeSpan.FromMilliseconds(99), TimeSpan.FromMilliseconds(101));
        Assert.True(onTime.Allowed);
        Assert.False(afterIt.Allowed);
    }

    [Fact]
    public void TryAcquire_LongAfterBurst_RefillsNoMoreThanTheCapacity()
    {
        // maxKeys and the idle rule would drop the bucket after TimeToFill; stay just under it.
        using var limiter = new KeyedRateLimiter(new TokenBucket(3, TimeSpan.FromSeconds(10)), _time);
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("a");
        }

        _time.Advance(TimeSpan.FromSeconds(29));
        limiter.TryAcquire("a");
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => limiter.TryAcquire("a").Allowed));
    }

    [Fact]
    public void TryAcquire_WithoutTimePassing_NeverRefills()
    {
        using var limiter = new KeyedRateLimiter(new TokenBucket(1, TimeSpan.FromMilliseconds(1)), _time);

        var answers = Enumerable.Range(0, 1_000).Select(_ => limiter.TryAcquire("a").Allowed).ToList();

        Assert.Equal(1, answers.Count(a => a));
        Assert.True(answers[0]);
    }

    [Fact]
    public void TryAcquire_ManyRequestsAtOnce_AllowExactlyTheBurst()
    {
        using var limiter = new KeyedRateLimiter(new TokenBucket(25, TimeSpan.FromMinutes(1)), _time);
        var allowed = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (limiter.TryAcquire("client:198.51.100.1").Allowed)
            {
                Interlocked.Increment(ref allowed);
            }
        });

        Assert.Equal(25, allowed);
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
