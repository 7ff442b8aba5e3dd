using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>
/// Reads the small JSON object bodies of the v3 routes: at most <see cref="MaxBytes"/> (a WebAuthn credential fits),
/// <c>application/json</c>, an object whose members appear once. An empty body reads as <c>{}</c>.
/// </summary>
public sealed class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    private readonly JsonElement _root;

    private JsonBody(JsonElement root) => _root = root;

    /// <summary>The body, or the sentence a 400 <c>bad_request</c> says.</summary>
    public static async Task<(JsonBody? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, $"The body must be at most {MaxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"The body must be at most {MaxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (new JsonBody(JsonDocument.Parse("{}").RootElement.Clone()), null);
        }

        if (request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant() != "application/json")
        {
            return (null, "Send the body as application/json.");
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object.");
            }

            var names = document.RootElement.EnumerateObject().Select(m => m.Name).ToList();
            return names.Count != names.Distinct(StringComparer.OrdinalIgnoreCase).Count()
                ? (null, "Each member of the body must appear once.")
                : (new JsonBody(document.RootElement.Clone()), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, "The body is not valid JSON.");
        }
    }

    /// <summary>A string member, or null when it is absent or not a string.</summary>
    public string? String(string name) =>
        Member(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>True only for a JSON <c>true</c>.</summary>
    public bool Flag(string name) => Member(name) is { ValueKind: JsonValueKind.True };

    public JsonElement? Member(string name)
    {
        foreach (var member in _root.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return null;
    }
}
