using System.Reflection;
using FileBridge.Functions.Http.Policy;

namespace FileBridge.DevHost;

/// <summary>
/// The HTTP-triggered functions, found as the Worker SDK finds them when it writes functions.metadata
/// (<see cref="HttpFunction"/>), so the DevHost serves exactly the routes Azure Functions would.
/// </summary>
public static class FunctionRouteTable
{
    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly) =>
        HttpFunction.Discover(assembly)
            .Select(function => new FunctionRoute(
                function.Name,
                function.Trigger.Route ?? function.Name,
                (function.Trigger.Methods ?? ["get", "post"]).Select(m => m.ToLowerInvariant()).ToList(),
                function.Method))
            .OrderBy(route => route.Route, StringComparer.Ordinal)
            .ToList();
}
