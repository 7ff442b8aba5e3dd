using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Testing;

/// <summary>
/// The app's clock in an in-process integration test: the time it reads (sessions, lockouts, rate limits)
/// moves only when the test calls <see cref="FakeTimeProvider.Advance"/>, starting from the real now, while
/// the timers it starts (STS retry back-offs, attempt timeouts, sweeps) still run in real time. The services
/// behind the app are real and may be slow or fail on a loaded machine; a back-off or timeout that waited
/// for the test to move the clock would never end.
/// </summary>
public sealed class TestClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimeProvider.System.CreateTimer(callback, state, dueTime, period);
}
