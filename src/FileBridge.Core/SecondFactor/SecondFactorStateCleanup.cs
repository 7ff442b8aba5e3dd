using FileBridge.Core.Passkeys;
using FileBridge.Core.PendingSteps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FileBridge.Core.SecondFactor;

/// <summary>
/// Sweeps pending steps and challenges nobody came back for, so that asking for options or typing a
/// password without finishing cannot fill a table.
/// </summary>
public sealed partial class SecondFactorStateCleanup(
    PendingStepStore pendingSteps, ChallengeStore challenges, TimeProvider time, ILogger<SecondFactorStateCleanup> logger) : BackgroundService
{
    /// <summary>Rows live 5 to 15 minutes; sweeping at this pace keeps at most a few windows' worth.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var steps = await pendingSteps.DeleteExpiredAsync(stoppingToken);
                var issued = await challenges.DeleteExpiredAsync(stoppingToken);
                LogSwept(logger, steps, issued);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Steps} expired pending sign-in steps and {Challenges} expired passkey challenges")]
    private static partial void LogSwept(ILogger logger, int steps, int challenges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired sign-in steps and challenges failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
