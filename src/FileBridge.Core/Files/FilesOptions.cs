using System.ComponentModel.DataAnnotations;
using FileBridge.Core.Users;

namespace FileBridge.Core.Files;

/// <summary>The <c>Files</c> settings section: which bucket, what people see by default, how long links live.</summary>
public sealed class FilesOptions : IValidatableObject
{
    public const string SectionName = "Files";

    [Required(ErrorMessage = "Files:Bucket is required.")]
    [RegularExpression(@"^(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
        ErrorMessage = "Files:Bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, '.' and '-').")]
    public string Bucket { get; set; } = "";

    /// <summary>
    /// ';'-separated folder prefixes for users without their own list, or '*' alone for everything. Empty (the
    /// default) means such users see nothing: access fails closed.
    /// </summary>
    public string? DefaultPrefixes { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:15:00", ErrorMessage = "Files:DownloadUrlLifetime must be between 1 second and 15 minutes.")]
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PrefixGrant.FirstError(PrefixList.Parse(DefaultPrefixes)) is { } error)
        {
            yield return new ValidationResult($"Files:DefaultPrefixes has an invalid prefix: {error}", [nameof(DefaultPrefixes)]);
        }
    }
}
