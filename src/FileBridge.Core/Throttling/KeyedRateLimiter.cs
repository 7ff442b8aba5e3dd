using System.Threading.RateLimiting;

namespace FileBridge.Core.Throttling;

/// <summary>
/// One <see cref="TokenBucketRateLimiter"/> per key (a client address, a user), with bounded memory:
/// a bucket left alone long enough to fill up again is dropped (it would behave exactly like a new
/// one), and past <see cref="MaxKeys"/> the least recently used bucket gives way. Buckets refill when
/// asked (no timer per bucket); which buckets are idle is judged on <see cref="TimeProvider"/>.
/// </summary>
public sealed class KeyedRateLimiter : IDisposable
{
    private readonly TokenBucket _shape;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LinkedListNode<Bucket>> _buckets = new(StringComparer.Ordinal);
    // Least recently used first: idle buckets are found, and evicted, from the front.
    private readonly LinkedList<Bucket> _byLastUse = new();
    private readonly Lock _lock = new();

    public KeyedRateLimiter(TokenBucket shape, TimeProvider time, int maxKeys = DefaultMaxKeys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(shape.RefillInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _shape = shape;
        _time = time;
        MaxKeys = maxKeys;
    }

    /// <summary>Enough for every active client of a busy instance; a few megabytes at most.</summary>
    public const int DefaultMaxKeys = 20_000;

    public int MaxKeys { get; }

    /// <summary>Buckets currently held (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    public RateLimitDecision TryAcquire(string key)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            DropIdleBuckets(now);
            var limiter = Touch(key, now).Limiter;
            // Without auto-replenishment this adds the tokens earned since the last call.
            limiter.TryReplenish();
            using var lease = limiter.AttemptAcquire();
            if (lease.IsAcquired)
            {
                return RateLimitDecision.Allow;
            }

            return RateLimitDecision.Refuse(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _shape.RefillInterval);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var bucket in _byLastUse)
            {
                bucket.Limiter.Dispose();
            }

            _byLastUse.Clear();
            _buckets.Clear();
        }
    }

    private Bucket Touch(string key, long now)
    {
        if (_buckets.TryGetValue(key, out var node))
        {
            _byLastUse.Remove(node);
        }
        else
        {
            if (_buckets.Count >= MaxKeys)
            {
                Remove(_byLastUse.First!);
            }

            node = new LinkedListNode<Bucket>(new Bucket(key, NewLimiter(), now));
            _buckets[key] = node;
        }

        node.Value.LastUsed = now;
        _byLastUse.AddLast(node);
        return node.Value;
    }

    private void DropIdleBuckets(long now)
    {
        while (_byLastUse.First is { } oldest && _time.GetElapsedTime(oldest.Value.LastUsed, now) >= _shape.TimeToFill)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Bucket> node)
    {
        _byLastUse.Remove(node);
        _buckets.Remove(node.Value.Key);
        node.Value.Limiter.Dispose();
    }

    private TokenBucketRateLimiter NewLimiter() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = _shape.Capacity,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = _shape.RefillInterval,
        // Refilled in TryAcquire: no timer per bucket.
        AutoReplenishment = false,
        QueueLimit = 0,
    });

    private sealed class Bucket(string key, TokenBucketRateLimiter limiter, long created)
    {
        public string Key { get; } = key;

        public TokenBucketRateLimiter Limiter { get; } = limiter;

        public long LastUsed { get; set; } = created;

    }
}
