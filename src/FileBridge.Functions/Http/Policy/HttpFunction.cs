using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Http.Policy;

/// <summary>An HTTP-triggered function, found by the same attributes the Worker SDK reads when it writes functions.metadata.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)
{
    public EndpointPolicyAttribute? Policy => Method.GetCustomAttribute<EndpointPolicyAttribute>();

    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(From)
            .OfType<HttpFunction>()
            .ToList();

    private static HttpFunction? From(MethodInfo method)
    {
        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .FirstOrDefault();
        return function is null || trigger is null ? null : new HttpFunction(function.Name, method, trigger);
    }
}
