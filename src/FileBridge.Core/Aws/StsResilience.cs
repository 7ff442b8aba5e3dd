using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FileBridge.Core.Aws;

/// <summary>The resilience pipeline every STS call runs in, with its numbers taken from <see cref="AwsOptions"/>.</summary>
public static class StsResilience
{
    /// <summary>The key the pipeline is registered under with <c>AddResiliencePipeline</c>.</summary>
    public const string PipelineKey = "sts";

    /// <summary>
    /// Retry (outermost) around a circuit breaker around a per-attempt timeout: every attempt, timed-out ones
    /// included, counts towards the breaker, and an open breaker is not retried.
    /// </summary>
    /// <param name="onBreakerState">Told each time the breaker opens, half-opens or closes (the breaker-state metric).</param>
    public static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder builder, AwsOptions options, Action<CircuitState>? onBreakerState = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        return builder
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.StsMaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.StsBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = args => ValueTask.FromResult(
                    options.StsMaxRetries > 0
                    && args.Outcome.Exception is { } e
                    && AwsFaultClassifier.IsTransient(e, args.Context.CancellationToken)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.StsBreakerFailureRatio,
                MinimumThroughput = options.StsBreakerMinimumThroughput,
                SamplingDuration = options.StsBreakerSamplingDuration,
                BreakDuration = options.StsBreakDuration,
                BreakDurationGenerator = args => ValueTask.FromResult(BreakDuration(options, args.HalfOpenAttempts)),
                // A refused request (AccessDenied for one user) says nothing about STS's health.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && AwsFaultClassifier.IsTransient(e, args.Context.CancellationToken)),
                OnOpened = _ => Report(onBreakerState, CircuitState.Open),
                OnHalfOpened = _ => Report(onBreakerState, CircuitState.HalfOpen),
                OnClosed = _ => Report(onBreakerState, CircuitState.Closed),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.StsAttemptTimeout });
    }

    private static ValueTask Report(Action<CircuitState>? onBreakerState, CircuitState state)
    {
        onBreakerState?.Invoke(state);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The break after <paramref name="failedProbes"/> consecutive failed half-open probes: the first break, doubled
    /// per failed probe, capped at the longest. Polly lets one probe through when a break ends, so a long outage costs
    /// STS one call per break, and a recovery is noticed at most one (capped) break after it happens.
    /// </summary>
    public static TimeSpan BreakDuration(AwsOptions options, int failedProbes)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factor = Math.Pow(2, Math.Clamp(failedProbes, 0, 30));
        var ticks = Math.Min(options.StsBreakDuration.Ticks * factor, options.StsMaxBreakDuration.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, options.StsBreakDuration.Ticks));
    }
}
