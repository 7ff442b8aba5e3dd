using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.DevHost;

/// <summary>
/// Runs the timer-triggered functions on their schedules (UTC, as Azure Functions does), each invocation in its own
/// scope with a fresh instance of the function class. A failing run is logged and the next one comes on schedule.
/// </summary>
public sealed partial class FunctionTimers(
    IReadOnlyList<FunctionTimer> timers, IServiceScopeFactory scopes, TimeProvider time, ILogger<FunctionTimers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(timer => RunOnScheduleAsync(timer, stoppingToken)));

    /// <summary>Calls the function once, as the worker would; also used by tests.</summary>
    public async Task InvokeAsync(FunctionTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await using var scope = scopes.CreateAsyncScope();
        var target = timer.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, timer.Method.DeclaringType!);
        var arguments = timer.Method.GetParameters().Select(parameter => parameter.ParameterType switch
        {
            var type when type == typeof(TimerInfo) => new TimerInfo(),
            var type when type == typeof(CancellationToken) => (object)cancellationToken,
            var type => throw new InvalidOperationException($"{timer.Name} takes a {type.Name}, which the DevHost cannot supply."),
        }).ToArray();
        if (timer.Method.Invoke(target, System.Reflection.BindingFlags.DoNotWrapExceptions, null, arguments, null) is Task task)
        {
            await task;
        }
    }

    private async Task RunOnScheduleAsync(FunctionTimer timer, CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(timer.Schedule, CronFormat.IncludeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }

            await Task.Delay(next - now.UtcDateTime, time, stoppingToken);
            try
            {
                await InvokeAsync(timer, stoppingToken);
                LogRan(logger, timer.Name);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, timer.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer function {FunctionName} ran")]
    private static partial void LogRan(ILogger logger, string functionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer function {FunctionName} failed; it runs again on its schedule")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName);
}
