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

        if (!string.IsNullOrWhiteSpace(ConnectionString) && !IsParsableConnectionString(ConnectionString))
        {
            // The parser's own message quotes the string, account key included: never pass it on.
            yield return new ValidationResult("Users:ConnectionString is not a valid storage connection string.", [nameof(ConnectionString)]);
        }
    }

    private static bool IsParsableConnectionString(string connectionString)
    {
        try
        {
            // Parses only; no connection is made.
            _ = new Azure.Data.Tables.TableServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
