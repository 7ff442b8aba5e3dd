using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FileBridge.Functions.Http.Policy;

public static class CallerRequirementExtensions
{
    /// <summary>Registers every <see cref="ICallerRequirement"/> under the name routes declare (<see cref="Callers"/>).</summary>
    public static IServiceCollection AddCallerRequirements(this IServiceCollection services)
    {
        services.TryAddSingleton<RequestAuthenticator>();
        services.TryAddKeyedSingleton<ICallerRequirement, AnonymousCaller>(Callers.Anonymous);
        services.TryAddKeyedSingleton<ICallerRequirement, AnyCaller>(Callers.Anyone);
        services.TryAddKeyedSingleton<ICallerRequirement, SignedInCaller>(Callers.SignedIn);
        return services;
    }
}
