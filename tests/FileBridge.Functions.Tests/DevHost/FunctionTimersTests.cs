using FileBridge.DevHost;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Functions.Tests.DevHost;

/// <summary>The DevHost runs timer functions on their NCRONTAB schedules, on the clock it is given.</summary>
public sealed class FunctionTimersTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_CallsEachFunctionWhenItsScheduleComesDue()
    {
        var time = new FakeTimeProvider(Start + TimeSpan.FromSeconds(30));
        var timer = new FunctionTimer("Every5", "0 */5 * * * *", typeof(CountingTimerFunction).GetMethod(nameof(CountingTimerFunction.Run))!);
        await using var services = new ServiceCollection().AddSingleton<CountingTimerFunction.Counter>().BuildServiceProvider();
        var counter = services.GetRequiredService<CountingTimerFunction.Counter>();
        using var timers = new FunctionTimers([timer], services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<FunctionTimers>.Instance);

        await timers.StartAsync(CancellationToken.None);
        // Half a minute at a time: each step gives the loop time to arm its next wait, whenever it gets the processor.
        var callsAt = new Dictionary<TimeSpan, int>();
        for (var step = 0; step < 40 && counter.Calls < 3; step++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(20);
            callsAt[time.GetUtcNow() - Start] = counter.Calls;
        }

        await timers.StopAsync(CancellationToken.None);

        Assert.Equal(0, callsAt[TimeSpan.FromMinutes(4.5)]);
        Assert.InRange(callsAt[TimeSpan.FromMinutes(9.5)], 0, 1);
        Assert.Equal(3, counter.Calls);
        Assert.True(time.GetUtcNow() - Start <= TimeSpan.FromMinutes(16), $"Three 5-minute slots took until {time.GetUtcNow() - Start}.");
    }

    public sealed class CountingTimerFunction(CountingTimerFunction.Counter counter)
    {
        [Function("Every5")]
        public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
        {
            Assert.NotNull(timer);
            Interlocked.Increment(ref counter.Value);
            return Task.CompletedTask;
        }

        public sealed class Counter
        {
            public int Value;

            public int Calls => Volatile.Read(ref Value);
        }
    }
}
