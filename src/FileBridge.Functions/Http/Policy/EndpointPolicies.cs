using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http.Policy;

/// <summary>The declared policy of each HTTP function, by function name (the name both hosts invoke it by).</summary>
public sealed class EndpointPolicies(IReadOnlyDictionary<string, EndpointPolicyAttribute> byFunction)
{
    private static readonly object Key = new();

    /// <summary>The policies of an assembly's HTTP functions; one without a policy stops the app from starting.</summary>
    public static EndpointPolicies Discover(Assembly assembly)
    {
        var functions = HttpFunction.Discover(assembly);
        var undeclared = functions.Where(f => f.Policy is null).Select(f => f.Name).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                $"These HTTP functions declare no [{nameof(EndpointPolicyAttribute)}]: {string.Join(", ", undeclared)}.");
        }

        return new EndpointPolicies(functions.ToDictionary(f => f.Name, f => f.Policy!, StringComparer.Ordinal));
    }

    /// <exception cref="InvalidOperationException">No policy is declared for <paramref name="functionName"/>: the pipeline answers 500, never runs it.</exception>
    public EndpointPolicyAttribute For(string functionName) =>
        byFunction.TryGetValue(functionName, out var policy)
            ? policy
            : throw new InvalidOperationException($"{functionName} declares no [{nameof(EndpointPolicyAttribute)}].");

    /// <summary>The policy the pipeline applies to the request (for the audit rows of its refusals).</summary>
    public static EndpointPolicyAttribute? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var policy) ? (EndpointPolicyAttribute?)policy : null;
    }

    internal static void Apply(HttpContext context, EndpointPolicyAttribute policy) => context.Items[Key] = policy;
}
