using System.Text.Json;
using FileBridge.Core.Users;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>Reads sign-in credentials from a JSON body or a form post, refusing anything malformed or oversized.</summary>
public static class LoginRequestReader
{
    public const int MaxBodyBytes = 8 * 1024;
    public const int MaxPasswordLength = 1024;

    public static async Task<(LoginRequest? Request, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, $"The body must be at most {MaxBodyBytes} bytes.");
        }

        var body = await ReadLimitedAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return (null, $"The body must be at most {MaxBodyBytes} bytes.");
        }

        var mediaType = MediaType(request.ContentType);
        var (username, password, error) = mediaType switch
        {
            "application/json" => FromJson(body),
            "application/x-www-form-urlencoded" => FromForm(body),
            _ => (null, null, "Send the credentials as application/json or application/x-www-form-urlencoded."),
        };

        if (error is not null)
        {
            return (null, error);
        }

        if (!UserName.IsValid(username))
        {
            return (null, "The username is missing or not a valid user name.");
        }

        if (string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            return (null, $"The password is missing or longer than {MaxPasswordLength} characters.");
        }

        // PBKDF2 pads the key with zero bytes, so "pw\0" would match "pw"; no one types control characters.
        if (password.Any(char.IsControl))
        {
            return (null, "The password must not contain control characters.");
        }

        return (new LoginRequest(username!, password), null);
    }

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        // Content-Length may be absent (chunked); never buffer more than the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (string?, string?, string?) FromJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "The body must be a JSON object with username and password.");
            }

            var username = StringMember(document.RootElement, "username", out var repeated);
            var password = StringMember(document.RootElement, "password", out var repeatedPassword);
            return repeated || repeatedPassword
                ? (null, null, "username and password must each appear once.")
                : (username, password, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-16 (a lone surrogate such as "\ud800").
            return (null, null, "The body is not valid JSON.");
        }
    }

    private static string? StringMember(JsonElement root, string name, out bool repeated)
    {
        string? value = null;
        var count = 0;
        foreach (var member in root.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                count++;
                value = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
            }
        }

        repeated = count > 1;
        return value;
    }

    private static (string?, string?, string?) FromForm(byte[] body)
    {
        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        return (Single(fields, "username"), Single(fields, "password"), null);
    }

    private static string? Single(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields, string name) =>
        fields.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
