using FileBridge.Core.Throttling;

namespace FileBridge.Functions.Http;

/// <summary>
/// Refusals come in floods; their audit rows must not, or a flood would fill the Audit table: at most one
/// <c>throttled</c> row per limiter and caller a minute, and ten a second in all. Every refusal is still
/// counted by the <c>filebridge.throttled</c> metric.
/// </summary>
public sealed class ThrottledAuditSampler(TimeProvider time) : IDisposable
{
    private readonly KeyedRateLimiter _perCaller = new(new TokenBucket(1, TimeSpan.FromMinutes(1)), time);
    private readonly KeyedRateLimiter _overall = new(TokenBucket.Rate(10, TimeSpan.FromSeconds(1), 10), time, maxKeys: 1);

    public bool ShouldRecord(string limiter, string caller) =>
        _perCaller.TryAcquire(limiter + " " + caller).Allowed && _overall.TryAcquire("all").Allowed;

    public void Dispose()
    {
        _perCaller.Dispose();
        _overall.Dispose();
    }
}
