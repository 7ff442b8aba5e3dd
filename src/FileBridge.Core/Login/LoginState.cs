using Azure;

namespace FileBridge.Core.Login;

/// <summary>
/// The lockout counters of one sign-in name, as last read or written; <see cref="ETag"/> guards the next write
/// (<see cref="ETag"/> default = no row yet).
/// </summary>
/// <param name="FailedLogins">Finished checks that failed in the current window.</param>
/// <param name="PendingChecks">Checks reserved and still running (a crashed instance's reservation ends with the window).</param>
/// <param name="LockedUntil">While in the future, no password of this name is checked.</param>
/// <param name="WindowEndsAt">When failures and reservations are forgotten if nothing happens meanwhile.</param>
public sealed record LoginState(int FailedLogins, int PendingChecks, DateTimeOffset? LockedUntil, DateTimeOffset? WindowEndsAt, ETag ETag)
{
    public static LoginState None { get; } = new(0, 0, null, null, default);

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>The counters that still count at <paramref name="now"/>: an ended window counts nothing.</summary>
    public LoginState LiveAt(DateTimeOffset now) =>
        WindowEndsAt is { } end && end <= now ? this with { FailedLogins = 0, PendingChecks = 0 } : this;
}
