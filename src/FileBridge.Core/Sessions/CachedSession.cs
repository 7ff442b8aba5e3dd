namespace FileBridge.Core.Sessions;

/// <summary>
/// A session row as this instance holds it, with the last time this instance wrote <c>LastSeenAt</c>, so that
/// requests arriving at once write it once, and at most once per touch interval.
/// </summary>
public sealed class CachedSession(SessionRecord record)
{
    private long _lastSeenTicks = record.LastSeenAt.UtcTicks;

    public SessionRecord Record { get; } = record;

    public DateTimeOffset LastSeenAt => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    public bool IsActiveAt(DateTimeOffset now, TimeSpan idleTimeout) => now < Record.ExpiresAt && now < LastSeenAt + idleTimeout;

    /// <summary>True for exactly one caller once <paramref name="interval"/> has passed since the last touch.</summary>
    public bool TryClaimTouch(DateTimeOffset now, TimeSpan interval)
    {
        var last = Interlocked.Read(ref _lastSeenTicks);
        return now.UtcTicks - last >= interval.Ticks && Interlocked.CompareExchange(ref _lastSeenTicks, now.UtcTicks, last) == last;
    }
}
