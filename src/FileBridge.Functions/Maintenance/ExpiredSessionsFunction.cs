using FileBridge.Core.Sessions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Maintenance;

/// <summary>Removes session rows past their expiry or idle timeout, including those nobody presents again.</summary>
public sealed class ExpiredSessionsFunction(ILogger<ExpiredSessionsFunction> logger, ExpiredSessionSweep sweep)
{
    /// <summary>Every 15 minutes: half the default idle timeout, so dead rows stay at most that long past their end.</summary>
    public const string Schedule = "0 */15 * * * *";

    [Function(nameof(ExpiredSessionsFunction))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var deleted = await sweep.RunAsync(cancellationToken);
        logger.LogDebug("Expired-session sweep done ({Count} rows, past due: {PastDue})", deleted, timer.IsPastDue);
    }
}
