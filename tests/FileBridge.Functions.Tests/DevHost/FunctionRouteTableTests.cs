using System.Text.Json;
using FileBridge.DevHost;

namespace FileBridge.Functions.Tests.DevHost;

/// <summary>The DevHost must serve exactly the routes the Worker SDK declares to Azure Functions.</summary>
public sealed class FunctionRouteTableTests
{
    [Fact]
    public void Discover_MatchesTheWorkerSdkFunctionsMetadata()
    {
        var metadata = ReadFunctionsMetadata();

        var discovered = FunctionRouteTable.Discover(typeof(FileBridgeApiExtensions).Assembly)
            .Select(r => $"{r.Name} {string.Join(',', r.Methods.Order())} {r.Route}")
            .Order()
            .ToList();

        Assert.NotEmpty(metadata);
        Assert.Equal(metadata, discovered);
    }

    [Fact]
    public void DiscoverTimers_MatchesTheWorkerSdkFunctionsMetadata()
    {
        var metadata = ReadFunctionsMetadata("timerTrigger", binding => binding.GetProperty("schedule").GetString()!);

        var discovered = FunctionTimerTable.Discover(typeof(FileBridgeApiExtensions).Assembly)
            .Select(t => $"{t.Name} {t.Schedule}")
            .Order()
            .ToList();

        Assert.Equal(["AuditRetentionFunction 0 30 3 * * *", "ExpiredSessionsFunction 0 */15 * * * *"], metadata);
        Assert.Equal(metadata, discovered);
    }

    [Fact]
    public void Discover_FindsTheContractRoutes()
    {
        var routes = FunctionRouteTable.Discover(typeof(FileBridgeApiExtensions).Assembly).Select(r => r.Route).ToHashSet();

        Assert.Superset(new HashSet<string> { "auth/login", "auth/logout", "auth/me", "files", "files/download", "health", "health/ready" }, routes);
    }

    private static List<string> ReadFunctionsMetadata() => ReadFunctionsMetadata("httpTrigger", binding =>
        $"{string.Join(',', binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order())} {binding.GetProperty("route").GetString()}");

    private static List<string> ReadFunctionsMetadata(string triggerType, Func<JsonElement, string> describe)
    {
        // The Worker SDK writes functions.metadata next to the app; the app's output is copied here.
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"Missing {path}: the Worker SDK did not generate functions.metadata.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("type").GetString() == triggerType)
                .Select(binding => $"{function.GetProperty("name").GetString()} {describe(binding)}"))
            .Order()
            .ToList();
    }
}
