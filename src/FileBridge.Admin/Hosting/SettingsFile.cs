using System.Globalization;
using System.Text.Json;

namespace FileBridge.Admin.Hosting;

/// <summary>
/// Reads a settings file into configuration keys. Two shapes are accepted: appsettings-style JSON
/// (<c>{"Users":{"ConnectionString":...}}</c>) and the Functions <c>local.settings.json</c>, whose
/// <c>Values</c> object holds flat keys written either as <c>Users:ConnectionString</c> or as <c>Users__ConnectionString</c>.
/// </summary>
public static class SettingsFile
{
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SettingsException($"Settings file '{path}' does not exist.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Settings file '{path}' cannot be read: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SettingsException($"Settings file '{path}' must hold a JSON object.");
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("Values", out var functionValues) && functionValues.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in functionValues.EnumerateObject())
                {
                    values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = Scalar(property.Value);
                }
            }
            else
            {
                Flatten(root, prefix: null, values);
            }

            return values;
        }
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index.ToString(CultureInfo.InvariantCulture)}", values);
                    index++;
                }

                break;
            default:
                if (prefix is not null)
                {
                    values[prefix] = Scalar(element);
                }

                break;
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };
}
