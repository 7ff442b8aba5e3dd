using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Sessions;

/// <summary>The <c>Sessions</c> settings section.</summary>
public sealed class SessionsOptions : IValidatableObject
{
    public const string SectionName = "Sessions";

    [Required(ErrorMessage = "Sessions:TableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Sessions:TableName must be 3-63 letters or digits, starting with a letter.")]
    public string TableName { get; set; } = "Sessions";

    /// <summary>The per-user session index (README.md, "Your sessions"): a table of its own, never rows of Sessions.</summary>
    [Required(ErrorMessage = "Sessions:IndexTableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Sessions:IndexTableName must be 3-63 letters or digits, starting with a letter.")]
    public string IndexTableName { get; set; } = "SessionIndex";

    /// <summary>Live sessions a person may hold; a sign-in beyond it ends the least recently seen.</summary>
    [Range(1, 50, ErrorMessage = "Sessions:MaxPerUser must be between 1 and 50.")]
    public int MaxPerUser { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Sessions:IdleTimeout must be between 1 second and 7 days.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Sessions:AbsoluteTimeout must be between 1 second and 30 days.")]
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long an instance may answer an established session's check from the rows it read before (README.md,
    /// "Per-request cost"); zero reads the tables on every request. Also how long a change made elsewhere (a
    /// revocation by the admin tool, another instance's sign-out) may take to reach this instance.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Sessions:RevalidateAfter must be between 0 and 1 minute.")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.Equals(IndexTableName, TableName, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                "Sessions:IndexTableName must name another table than Sessions:TableName.",
                [nameof(IndexTableName), nameof(TableName)]);
        }

        if (IdleTimeout > AbsoluteTimeout)
        {
            yield return new ValidationResult(
                "Sessions:IdleTimeout must not be longer than Sessions:AbsoluteTimeout.",
                [nameof(IdleTimeout), nameof(AbsoluteTimeout)]);
        }
    }
}
