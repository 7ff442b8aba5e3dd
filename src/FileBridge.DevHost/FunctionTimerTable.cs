using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.DevHost;

/// <summary>Finds timer-triggered functions by the attributes the Worker SDK reads, as <see cref="FunctionRouteTable"/> does for HTTP.</summary>
public static class FunctionTimerTable
{
    public static IReadOnlyList<FunctionTimer> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(ToTimer)
            .OfType<FunctionTimer>()
            .OrderBy(timer => timer.Name, StringComparer.Ordinal)
            .ToList();

    private static FunctionTimer? ToTimer(MethodInfo method)
    {
        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<TimerTriggerAttribute>())
            .OfType<TimerTriggerAttribute>()
            .FirstOrDefault();
        return function is null || trigger is null ? null : new FunctionTimer(function.Name, trigger.Schedule, method);
    }
}
