using FileBridge.Core.Aws;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace FileBridge.Core.Tests.Aws;

/// <summary>
/// The "sts" pipeline on a fake clock against an STS that fails until <see cref="Run"/>'s recovery moment: a cold
/// user (nothing cached) asks once a second. Reports the STS calls made while STS was down and how long after its
/// recovery the first person was served. Used by the tests and for the numbers in the README.
/// </summary>
public sealed class OutageSimulation(AwsOptions options)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public int CallsDuringOutage { get; private set; }

    public TimeSpan ServedAfterRecovery { get; private set; } = TimeSpan.MaxValue;

    public async Task<OutageSimulation> Run(TimeSpan outage, TimeSpan giveUpAfterRecovery)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var start = clock.GetUtcNow();
        var recovery = start + outage;
        var pipeline = StsResilience.Configure(new ResiliencePipelineBuilder { TimeProvider = clock }, options).Build();

        var nextRequest = start;
        while (clock.GetUtcNow() < recovery + giveUpAfterRecovery)
        {
            var served = await SendAsync(pipeline, clock, recovery);
            if (served && clock.GetUtcNow() >= recovery)
            {
                ServedAfterRecovery = clock.GetUtcNow() - recovery;
                break;
            }

            nextRequest += TimeSpan.FromSeconds(1);
            if (clock.GetUtcNow() < nextRequest)
            {
                clock.Advance(nextRequest - clock.GetUtcNow());
            }
        }

        return this;
    }

    private async Task<bool> SendAsync(ResiliencePipeline pipeline, FakeTimeProvider clock, DateTimeOffset recovery)
    {
        var call = pipeline.ExecuteAsync(_ =>
        {
            if (clock.GetUtcNow() < recovery)
            {
                CallsDuringOutage++;
                throw new TimeoutRejectedException("STS is down");
            }

            return ValueTask.CompletedTask;
        }).AsTask();

        // Retry back-off waits on the fake clock: move it on until the request has its answer.
        while (!call.IsCompleted)
        {
            clock.Advance(Step);
            await Task.Delay(1);
        }

        try
        {
            await call;
            return true;
        }
        catch (Exception e) when (e is TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return false;
        }
    }
}
