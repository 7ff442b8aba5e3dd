using System.Text.Json;

namespace FileBridge.Admin.Output;

/// <summary>The tool's JSON: camelCase members, one document per command (one object per line for lists).</summary>
public static class AdminJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
