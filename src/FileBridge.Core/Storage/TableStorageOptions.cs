using System.ComponentModel.DataAnnotations;

namespace FileBridge.Core.Storage;

/// <summary>Where the user and session tables live: the <c>Users</c> settings section.</summary>
public sealed class UsersOptions : IValidatableObject
{
    public const string SectionName = "Users";

    /// <summary>A storage connection string (Azurite locally); takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, reached with a managed identity (Azure).</summary>
    public Uri? ServiceUri { get; set; }

    [Required(ErrorMessage = "Users:TableName is required.")]
    [RegularExpression(TableNames.Pattern, ErrorMessage = "Users:TableName must be 3-63 letters or digits, starting with a letter.")]
    public string TableName { get; set; } = "Users";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && ServiceUri is null)
        {
            yield return new ValidationResult(
                "Users:ConnectionString or Users:ServiceUri must be set.",
                [nameof(ConnectionString), nameof(ServiceUri)]);
        }

        if (ServiceUri is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Users:ServiceUri must be an absolute URI.", [nameof(ServiceUri)]);
        }
    }
}
