using System.Threading.RateLimiting;
using FileBridge.Core.Throttling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>
/// PBKDF2 checks are the one CPU-bound thing a stranger can ask for: at most
/// <c>Throttle:ConcurrentPasswordChecks</c> run at once and <c>Throttle:PasswordCheckQueue</c> wait;
/// anyone beyond is turned away at once, so a sign-in flood cannot take the cores listings need.
/// </summary>
public sealed partial class PasswordCheckGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly ILogger<PasswordCheckGate> _logger;
    private long _checksRun;

    public PasswordCheckGate(IOptions<ThrottleOptions> options, ILogger<PasswordCheckGate> logger)
    {
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.EffectiveConcurrentPasswordChecks,
            QueueLimit = options.Value.EffectivePasswordCheckQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _logger = logger;
    }

    /// <summary>Checks run since start; tests and benchmarks count them.</summary>
    public long ChecksRun => Interlocked.Read(ref _checksRun);

    /// <summary>A slot for one check, or null when every slot and queue place is taken. Dispose it when the check is done.</summary>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        LogBusy(_logger);
        return null;
    }

    /// <summary>A slot if one is free right now, without queueing; null otherwise.</summary>
    public IDisposable? TryEnterNow()
    {
        var lease = _limiter.AttemptAcquire(1);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    /// <summary>Runs <paramref name="check"/> (a hash or a verification) while holding a slot from <see cref="TryEnterAsync"/>.</summary>
    public T Run<T>(Func<T> check)
    {
        Interlocked.Increment(ref _checksRun);
        LogCheck(_logger);
        return check();
    }

    public void Dispose() => _limiter.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Password check running")]
    private static partial void LogCheck(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Password checks are all taken; a sign-in was turned away")]
    private static partial void LogBusy(ILogger logger);
}
