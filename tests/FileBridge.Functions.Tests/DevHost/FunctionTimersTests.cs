using FileBridge.DevHost;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FileBridge.Functions.Tests.DevHost;

/// <summary>The DevHost runs timer functions on their NCRONTAB schedules, on the clock it is given.</summary>
public sealed class FunctionTimersTests
{
    [Fact]
    public async Task Run_CallsEachFunctionWhenItsScheduleComesDue()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero));
        var timer = new FunctionTimer("Every5", "0 */5 * * * *", typeof(CountingTimerFunction).GetMethod(nameof(CountingTimerFunction.Run))!);
        await using var services = new ServiceCollection().AddSingleton<CountingTimerFunction.Counter>().BuildServiceProvider();
        var counter = services.GetRequiredService<CountingTimerFunction.Counter>();
        using var timers = new FunctionTimers([timer], services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<FunctionTimers>.Instance);

        await timers.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(50);
        var beforeDue = counter.Calls;
        time.Advance(TimeSpan.FromSeconds(30));
        await WaitForAsync(() => counter.Calls == 1);
        time.Advance(TimeSpan.FromMinutes(5));
        await WaitForAsync(() => counter.Calls == 2);
        await timers.StopAsync(CancellationToken.None);

        Assert.Equal(0, beforeDue);
        Assert.Equal(2, counter.Calls);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
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
