using FileBridge.Core.Throttling;

namespace FileBridge.Functions.Http.Policy;

/// <summary>The limiters a route may declare (<see cref="EndpointPolicyAttribute.Limiter"/>), by name.</summary>
public sealed class RequestLimiters(RateLimits limits)
{
    private readonly Dictionary<string, KeyedRateLimiter> _byName = new(StringComparer.Ordinal)
    {
        [LimiterNames.SignInsPerClient] = limits.SignInsPerClient,
        [LimiterNames.Requests] = limits.Requests,
    };

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <exception cref="InvalidOperationException">A route declares a limiter that routes cannot use.</exception>
    public KeyedRateLimiter For(string name) =>
        _byName.TryGetValue(name, out var limiter) ? limiter : throw new InvalidOperationException($"No route limiter is named '{name}'.");
}
