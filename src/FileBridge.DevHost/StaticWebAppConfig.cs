using System.Text.Json;

namespace FileBridge.DevHost;

/// <summary>The parts of staticwebapp.config.json the DevHost honours, so local runs send what Azure sends.</summary>
public sealed record StaticWebAppConfig(IReadOnlyDictionary<string, string> GlobalHeaders, string NavigationFallback)
{
    public const string FileName = "staticwebapp.config.json";

    public static StaticWebAppConfig Load(string webRoot)
    {
        var path = Path.Combine(webRoot, FileName);
        if (!File.Exists(path))
        {
            return new StaticWebAppConfig(new Dictionary<string, string>(), "/index.html");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var headers = root.TryGetProperty("globalHeaders", out var globalHeaders)
            ? globalHeaders.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty)
            : [];
        var fallback = root.TryGetProperty("navigationFallback", out var navigation) && navigation.TryGetProperty("rewrite", out var rewrite)
            ? rewrite.GetString() ?? "/index.html"
            : "/index.html";
        return new StaticWebAppConfig(headers, fallback);
    }
}
