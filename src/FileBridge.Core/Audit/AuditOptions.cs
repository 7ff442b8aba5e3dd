using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Storage;

namespace FileBridge.Core.Audit;

/// <summary>The <c>Audit</c> settings section. The table lives in the same account as the Users table.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    [Required(ErrorMessage = "Audit:TableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Audit:TableName must be 3-63 letters or digits, starting with a letter.")]
    public string TableName { get; set; } = "Audit";

    /// <summary>Rows older than this many days are removed by the retention timer.</summary>
    [Range(1, 3650, ErrorMessage = "Audit:RetentionDays must be between 1 and 3650.")]
    public int RetentionDays { get; set; } = 400;

    /// <summary>
    /// Partitions a day is split into (<c>yyyyMMdd-NN</c>): an Azure Table partition carries about 2,000 rows a
    /// second, so one partition a day would cap the whole deployment's listings there (README.md, "Per-request cost").
    /// </summary>
    [Range(1, 99, ErrorMessage = "Audit:Shards must be between 1 and 99.")]
    public int Shards { get; set; } = 16;
}
