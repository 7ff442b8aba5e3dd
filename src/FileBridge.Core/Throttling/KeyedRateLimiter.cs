namespace FileBridge.Core.Throttling;

/// <summary>
/// One token bucket per key (a client address, a user), with bounded memory: a bucket left alone long
/// enough to fill up again is dropped (it would behave exactly like a new one), and past
/// <see cref="MaxKeys"/> the least recently used bucket gives way. Buckets refill when asked (no timer per
/// bucket), and everything, refill and idleness alike, is judged on <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The buckets are our own rather than <c>System.Threading.RateLimiting</c>'s: its token bucket measures
/// refill on <c>Stopwatch</c> and takes no clock, so refill could not follow the instance's
/// <see cref="TimeProvider"/> (and tests would have to wait on the wall clock). The arithmetic is the same:
/// tokens earned in proportion to the time elapsed, never more than the capacity.
/// </remarks>
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
            var bucket = Touch(key, now);
            Refill(bucket, now);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return RateLimitDecision.Allow;
            }

            // The time until one whole token has been earned.
            return RateLimitDecision.Refuse(_shape.RefillInterval * (1 - bucket.Tokens));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _byLastUse.Clear();
            _buckets.Clear();
        }
    }

    private void Refill(Bucket bucket, long now)
    {
        var elapsed = _time.GetElapsedTime(bucket.RefilledAt, now);
        if (elapsed > TimeSpan.Zero)
        {
            bucket.Tokens = Math.Min(_shape.Capacity, bucket.Tokens + (elapsed / _shape.RefillInterval));
        }

        bucket.RefilledAt = now;
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

            node = new LinkedListNode<Bucket>(new Bucket(key, _shape.Capacity, now));
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
    }

    /// <summary>A key's tokens (fractions count: they are earned continuously) and when they were last counted.</summary>
    private sealed class Bucket(string key, int tokens, long created)
    {
        public string Key { get; } = key;

        public double Tokens { get; set; } = tokens;

        public long RefilledAt { get; set; } = created;

        public long LastUsed { get; set; } = created;
    }
}
