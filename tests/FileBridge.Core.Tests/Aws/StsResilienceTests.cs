using FileBridge.Core.Aws;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Xunit.Abstractions;

namespace FileBridge.Core.Tests.Aws;

public sealed class StsResilienceTests(ITestOutputHelper output)
{
    private static AwsOptions BreakerOptions() => new()
    {
        StsMaxRetries = 0,
        StsBreakerMinimumThroughput = 2,
        StsBreakerFailureRatio = 0.5,
        StsBreakerSamplingDuration = TimeSpan.FromSeconds(30),
        StsBreakDuration = TimeSpan.FromSeconds(2),
        StsMaxBreakDuration = TimeSpan.FromSeconds(8),
    };

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(2, 8)]
    [InlineData(3, 8)]
    [InlineData(50, 8)]
    public void BreakDuration_GrowsPerFailedProbeUpToTheLongest(int failedProbes, int expectedSeconds)
    {
        var duration = StsResilience.BreakDuration(BreakerOptions(), failedProbes);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), duration);
    }

    [Fact]
    public async Task Breaker_OpenThenHalfOpenProbeFails_BreaksLongerThenClosesOnASuccessfulProbe()
    {
        var clock = new FakeTimeProvider();
        var sts = new ScriptedSts();
        var pipeline = StsResilience.Configure(new ResiliencePipelineBuilder { TimeProvider = clock }, BreakerOptions()).Build();

        await sts.CallAsync(pipeline);
        await sts.CallAsync(pipeline);
        var whileOpen = await sts.CallAsync(pipeline);
        clock.Advance(TimeSpan.FromSeconds(2));
        var failedProbe = await sts.CallAsync(pipeline);
        clock.Advance(TimeSpan.FromSeconds(2));
        var stillOpenAfterFirstBreak = await sts.CallAsync(pipeline);
        sts.Down = false;
        clock.Advance(TimeSpan.FromSeconds(2));
        var goodProbe = await sts.CallAsync(pipeline);
        var afterClose = await sts.CallAsync(pipeline);

        Assert.Equal(Outcome.Rejected, whileOpen);
        Assert.Equal(Outcome.Failed, failedProbe);
        Assert.Equal(Outcome.Rejected, stillOpenAfterFirstBreak); // the second break is 4 s, not 2 s
        Assert.Equal(Outcome.Served, goodProbe);
        Assert.Equal(Outcome.Served, afterClose);
        Assert.Equal(5, sts.Calls); // two to open, one failed probe, the good probe, one after closing
    }

    [Fact]
    public async Task Breaker_HalfOpen_LetsOneProbeThroughPerBreak()
    {
        var clock = new FakeTimeProvider();
        var sts = new ScriptedSts();
        var pipeline = StsResilience.Configure(new ResiliencePipelineBuilder { TimeProvider = clock }, BreakerOptions()).Build();
        await sts.CallAsync(pipeline);
        await sts.CallAsync(pipeline);

        clock.Advance(TimeSpan.FromSeconds(2));
        var outcomes = new List<Outcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await sts.CallAsync(pipeline));
        }

        Assert.Equal([Outcome.Failed, Outcome.Rejected, Outcome.Rejected, Outcome.Rejected, Outcome.Rejected], outcomes);
        Assert.Equal(3, sts.Calls);
    }

    [Fact]
    public async Task Breaker_AfterClosing_StartsAgainWithTheShortBreak()
    {
        var clock = new FakeTimeProvider();
        var sts = new ScriptedSts();
        var pipeline = StsResilience.Configure(new ResiliencePipelineBuilder { TimeProvider = clock }, BreakerOptions()).Build();
        await sts.CallAsync(pipeline);
        await sts.CallAsync(pipeline);
        clock.Advance(TimeSpan.FromSeconds(2));
        await sts.CallAsync(pipeline); // failed probe: next break 4 s
        clock.Advance(TimeSpan.FromSeconds(4));
        sts.Down = false;
        await sts.CallAsync(pipeline); // good probe: closed

        sts.Down = true;
        await sts.CallAsync(pipeline);
        await sts.CallAsync(pipeline);
        clock.Advance(TimeSpan.FromSeconds(2));
        sts.Down = false;
        var served = await sts.CallAsync(pipeline);

        Assert.Equal(Outcome.Served, served);
    }

    [Fact]
    public async Task Outage_WithDefaults_ServesAColdUserWithin10SecondsAndCostsAProbePerBreak()
    {
        var fixedBreak = new AwsOptions { StsBreakDuration = TimeSpan.FromSeconds(30), StsMaxBreakDuration = TimeSpan.FromSeconds(30) };

        var (afterCalls, afterWorst) = await WorstRecovery(new AwsOptions());
        var (beforeCalls, beforeWorst) = await WorstRecovery(fixedBreak);
        output.WriteLine($"fixed 30 s break: {beforeCalls} STS calls in a 60 s outage; cold user served at worst {beforeWorst.TotalSeconds:0.0} s after STS returns");
        output.WriteLine($"2 s break growing to 8 s: {afterCalls} STS calls in a 60 s outage; cold user served at worst {afterWorst.TotalSeconds:0.0} s after STS returns");

        Assert.True(afterWorst <= TimeSpan.FromSeconds(10), $"served {afterWorst} after recovery");
        // Ten failed attempts open the breaker (minimum throughput); then one probe per break of 2, 4, 8, 8... s.
        Assert.InRange(afterCalls, 10, 10 + 3 + (int)Math.Ceiling((60 - 14) / 8.0));
        Assert.True(beforeWorst > TimeSpan.FromSeconds(20), "the fixed break is the slow case this change fixes");
    }

    /// <summary>STS calls in a 60 s outage, and the longest wait for a cold user over outages ending at different moments of a break.</summary>
    private static async Task<(int CallsIn60Seconds, TimeSpan Worst)> WorstRecovery(AwsOptions options)
    {
        var calls = (await new OutageSimulation(options).Run(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60))).CallsDuringOutage;
        var worst = TimeSpan.Zero;
        for (var outage = 60; outage < 90; outage += 3)
        {
            var run = await new OutageSimulation(options).Run(TimeSpan.FromSeconds(outage), TimeSpan.FromSeconds(60));
            worst = run.ServedAfterRecovery > worst ? run.ServedAfterRecovery : worst;
        }

        return (calls, worst);
    }

    private enum Outcome
    {
        Served,
        Failed,
        Rejected,
    }

    private sealed class ScriptedSts
    {
        public bool Down { get; set; } = true;

        public int Calls { get; private set; }

        public async Task<Outcome> CallAsync(ResiliencePipeline pipeline)
        {
            try
            {
                await pipeline.ExecuteAsync(_ =>
                {
                    Calls++;
                    return Down ? throw new TimeoutRejectedException("down") : ValueTask.CompletedTask;
                });
                return Outcome.Served;
            }
            catch (BrokenCircuitException)
            {
                return Outcome.Rejected;
            }
            catch (TimeoutRejectedException)
            {
                return Outcome.Failed;
            }
        }
    }
}
