using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace FileBridge.Core.Telemetry;

/// <summary>
/// The broker's own metrics, on the <see cref="MeterName"/> meter. Recording costs a few nanoseconds when nobody
/// listens: without an exporter (see the README's Telemetry section) nothing is collected.
/// </summary>
public sealed class FileBridgeMetrics
{
    public const string MeterName = "FileBridge";

    private readonly Counter<long> _stsCalls;
    private readonly Counter<long> _credentialsCache;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _auditFailures;
    private readonly Counter<long> _lockouts;
    private readonly Histogram<double> _listDuration;
    private int _breakerState;

    public FileBridgeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _stsCalls = meter.CreateCounter<long>("filebridge.sts.calls", "{call}", "STS AssumeRole calls, by outcome.");
        _credentialsCache = meter.CreateCounter<long>("filebridge.credentials.cache", "{lookup}", "Assumed-credential lookups, by result (hit or miss).");
        _signIns = meter.CreateCounter<long>("filebridge.signins", "{attempt}", "Sign-in attempts, by outcome.");
        _throttled = meter.CreateCounter<long>("filebridge.throttled", "{request}", "Requests refused by a limiter, by limiter.");
        _auditFailures = meter.CreateCounter<long>("filebridge.audit.failures", "{row}", "Audit rows that could not be stored, by action.");
        _lockouts = meter.CreateCounter<long>("filebridge.lockouts", "{budget}",
            "Lockout budgets that got locked, by budget (account, device, unknown-name). A budget locks at most once per Login:LockoutDuration, so over a shorter window the account and unknown-name counts are distinct names: many at once is password spraying.");
        _listDuration = meter.CreateHistogram<double>("filebridge.list.duration", "ms", "Time to answer a listing, by outcome.");
        meter.CreateObservableGauge("filebridge.breaker.state", () => Volatile.Read(ref _breakerState), "{state}",
            "The STS circuit breaker: 0 closed, 1 open, 2 half-open.");
    }

    public void StsCall(string outcome) => _stsCalls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void CredentialsCache(bool hit) => _credentialsCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Throttled(string limiter) => _throttled.Add(1, new KeyValuePair<string, object?>("limiter", limiter));

    public void AuditWriteFailed(string action) => _auditFailures.Add(1, new KeyValuePair<string, object?>("action", action));

    /// <summary>One budget got locked. Never tagged with the name: a name typed at sign-in may be a password typed in the wrong field.</summary>
    public void Locked(string budget) => _lockouts.Add(1, new KeyValuePair<string, object?>("budget", budget));

    public void ListDuration(TimeSpan elapsed, string outcome) =>
        _listDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void BreakerState(CircuitState state) => Volatile.Write(ref _breakerState, state switch
    {
        CircuitState.Open or CircuitState.Isolated => 1,
        CircuitState.HalfOpen => 2,
        _ => 0,
    });
}
