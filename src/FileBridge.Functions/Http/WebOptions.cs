using System.ComponentModel.DataAnnotations;

namespace FileBridge.Functions.Http;

/// <summary>The <c>Web</c> settings section.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string SectionName = "Web";

    /// <summary>Origins besides the app's own that may call state-changing routes, separated by ',' or ';'.</summary>
    public string? AllowedOrigins { get; set; }

    public IReadOnlyList<string> ParsedOrigins() =>
        (AllowedOrigins ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in ParsedOrigins())
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.PathAndQuery != "/")
            {
                yield return new ValidationResult(
                    $"Web:AllowedOrigins contains '{origin}', which is not an origin such as https://files.example.com.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
