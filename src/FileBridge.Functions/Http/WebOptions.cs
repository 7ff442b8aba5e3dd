using System.ComponentModel.DataAnnotations;

namespace FileBridge.Functions.Http;

/// <summary>The <c>Web</c> settings section.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string SectionName = "Web";

    /// <summary>Origins besides the app's own that may call state-changing routes, separated by ',' or ';'.</summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>
    /// The header in which Azure's front end passes the client's address (for example X-Forwarded-For).
    /// Unset: the socket's address, and no header a client could set is believed.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>
    /// The id of the Azure Front Door profile every request must come through (its <c>X-Azure-FDID</c> header).
    /// Unset: no check. Set: other requests answer 403 <c>forbidden_origin</c> (the health probes excepted), and only
    /// requests with this id have their <see cref="ClientAddressHeader"/> believed.
    /// </summary>
    public string? RequiredFrontDoorId { get; set; }

    public IReadOnlyList<string> ParsedOrigins() =>
        (AllowedOrigins ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToList();

    public Guid? ParsedFrontDoorId() =>
        string.IsNullOrWhiteSpace(RequiredFrontDoorId) ? null : Guid.Parse(RequiredFrontDoorId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClientAddressHeader is { Length: > 0 } header && !header.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return new ValidationResult(
                $"Web:ClientAddressHeader must be a header name such as X-Forwarded-For, not '{header}'.", [nameof(ClientAddressHeader)]);
        }

        if (!string.IsNullOrWhiteSpace(RequiredFrontDoorId) && !Guid.TryParse(RequiredFrontDoorId, out _))
        {
            yield return new ValidationResult(
                // The id is what proves a request came through the edge: the message names the setting, never repeats it.
                "Web:RequiredFrontDoorId must be the Front Door profile's id, a GUID such as 00000000-0000-0000-0000-000000000000.",
                [nameof(RequiredFrontDoorId)]);
        }

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
