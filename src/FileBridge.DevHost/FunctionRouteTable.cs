using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.DevHost;

/// <summary>
/// Finds HTTP-triggered functions by the same attributes the Worker SDK reads when it writes
/// functions.metadata, so the DevHost serves exactly the routes Azure Functions would.
/// </summary>
public static class FunctionRouteTable
{
    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(ToRoute)
            .OfType<FunctionRoute>()
            .OrderBy(route => route.Route, StringComparer.Ordinal)
            .ToList();

    private static FunctionRoute? ToRoute(MethodInfo method)
    {
        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .FirstOrDefault();
        if (function is null || trigger is null)
        {
            return null;
        }

        var methods = (trigger.Methods ?? ["get", "post"]).Select(m => m.ToLowerInvariant()).ToList();
        return new FunctionRoute(function.Name, trigger.Route ?? function.Name, methods, method);
    }
}
