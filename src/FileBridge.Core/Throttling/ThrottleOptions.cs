using System.ComponentModel.DataAnnotations;

namespace FileBridge.Core.Throttling;

/// <summary>The <c>Throttle</c> settings section: request rates and the password-check budget of one instance.</summary>
public sealed class ThrottleOptions
{
    public const string SectionName = "Throttle";

    [Range(1, 100_000, ErrorMessage = "Throttle:LoginPerClientPerMinute must be between 1 and 100000.")]
    public int LoginPerClientPerMinute { get; set; } = 30;

    [Range(1, 100_000, ErrorMessage = "Throttle:RequestsPerSecond must be between 1 and 100000.")]
    public int RequestsPerSecond { get; set; } = 50;

    [Range(1, 1_000_000, ErrorMessage = "Throttle:Burst must be between 1 and 1000000.")]
    public int Burst { get; set; } = 100;

    /// <summary>PBKDF2 checks that may run at once; unset = the processor count minus one, at least 1.</summary>
    [Range(1, 1024, ErrorMessage = "Throttle:ConcurrentPasswordChecks must be between 1 and 1024.")]
    public int? ConcurrentPasswordChecks { get; set; }

    /// <summary>Sign-ins that may wait for a password check; unset = twice <see cref="EffectiveConcurrentPasswordChecks"/>.</summary>
    [Range(0, 100_000, ErrorMessage = "Throttle:PasswordCheckQueue must be between 0 and 100000.")]
    public int? PasswordCheckQueue { get; set; }

    // One core stays free for everything that is not a sign-in.
    public int EffectiveConcurrentPasswordChecks => ConcurrentPasswordChecks ?? Math.Max(1, Environment.ProcessorCount - 1);

    public int EffectivePasswordCheckQueue => PasswordCheckQueue ?? 2 * EffectiveConcurrentPasswordChecks;
}
