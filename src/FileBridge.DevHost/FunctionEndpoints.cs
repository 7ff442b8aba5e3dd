using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace FileBridge.DevHost;

/// <summary>Maps each function to a Kestrel endpoint and calls it the way the Functions worker would, through <see cref="ApiPipeline"/>.</summary>
public static class FunctionEndpoints
{
    public const string RoutePrefix = ApiPipeline.RoutePrefix;

    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionRoute> routes)
    {
        foreach (var route in routes)
        {
            endpoints.MapMethods($"/{RoutePrefix}/{route.Route}", route.Methods.Select(m => m.ToUpperInvariant()), context => InvokeAsync(context, route))
                .WithDisplayName(route.Name);
        }

        return endpoints;
    }

    private static Task InvokeAsync(HttpContext context, FunctionRoute route) =>
        context.RequestServices.GetRequiredService<ApiPipeline>().InvokeAsync(context, route.Name, () => CallAsync(context, route));

    private static async Task CallAsync(HttpContext context, FunctionRoute route)
    {
        // The worker creates function classes per invocation from the container; so do we.
        var target = route.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, route.Method.DeclaringType!);
        var arguments = route.Method.GetParameters().Select(parameter => Bind(parameter, context, route)).ToArray();
        // Faults reach ApiPipeline as the function threw them, as they do on Azure.
        var returned = route.Method.Invoke(target, System.Reflection.BindingFlags.DoNotWrapExceptions, null, arguments, null);
        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult actionResult => actionResult,
            _ => throw new InvalidOperationException($"{route.Name} returned {returned?.GetType().Name ?? "null"}, not an IActionResult."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Bind(System.Reflection.ParameterInfo parameter, HttpContext context, FunctionRoute route) => parameter.ParameterType switch
    {
        var type when type == typeof(HttpRequest) => context.Request,
        var type when type == typeof(CancellationToken) => context.RequestAborted,
        // A route parameter ({id}), as the worker binds it by name.
        var type when type == typeof(string) => context.GetRouteValue(parameter.Name!)?.ToString(),
        var type => throw new InvalidOperationException($"{route.Name} takes a {type.Name}, which the DevHost cannot supply."),
    };
}
