using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Login;

/// <summary>Sweeps expired unknown-name counters now and then, so typed names cannot pile up in storage.</summary>
public sealed partial class LoginAttemptsCleanup(
    UnknownNameLoginStateStore store, IOptions<LoginOptions> options, TimeProvider time, ILogger<LoginAttemptsCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Rows live for one lockout window; sweeping at that pace keeps at most about two windows' worth.
        var interval = options.Value.LockoutDuration < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : options.Value.LockoutDuration;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await store.DeleteExpiredAsync(stoppingToken);
                LogSwept(logger, deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Count} expired sign-in counters of unknown names")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired sign-in counters failed; the next sweep tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
