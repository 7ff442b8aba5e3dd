namespace FileBridge.Core.Throttling;

/// <summary>The shape of a token bucket: at most <see cref="Capacity"/> requests at once, refilled one every <see cref="RefillInterval"/>.</summary>
public sealed record TokenBucket(int Capacity, TimeSpan RefillInterval)
{
    /// <summary><paramref name="perPeriod"/> requests per <paramref name="period"/> on average, bursts of <paramref name="burst"/>.</summary>
    public static TokenBucket Rate(int perPeriod, TimeSpan period, int burst) => new(burst, period / perPeriod);

    /// <summary>How long an untouched bucket takes to fill up again; after that it holds no information.</summary>
    public TimeSpan TimeToFill => RefillInterval * Capacity;
}
