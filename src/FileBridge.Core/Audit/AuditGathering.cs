namespace FileBridge.Core.Audit;

/// <summary>
/// How long queued rows gather before <see cref="AuditQueueWriter"/> writes them. Nobody waits for these rows (a
/// download's own row is written at once), and without a gathering a steady trickle of listings costs one Table
/// transaction each instead of one per gathering (README.md, "Per-request cost"). It is also the most a crash can
/// lose. Not a setting: the app registers <see cref="Default"/>; test hosts register a shorter one so that a test
/// reading the rows does not wait for it.
/// </summary>
public sealed class AuditGathering
{
    /// <summary>The app's period.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMilliseconds(250);

    public AuditGathering(TimeSpan period)
    {
        // Zero would write each row on its own, the cost the gathering exists to avoid; below zero Task.Delay throws.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Period = period;
    }

    public static AuditGathering Default { get; } = new(DefaultPeriod);

    /// <summary>
    /// Real time, not the app's <see cref="TimeProvider"/>: it paces writes and decides nothing, and an app on a
    /// fake clock that nobody advances would otherwise never write a row.
    /// </summary>
    public TimeSpan Period { get; }
}
