using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
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
        services.TryAddSingleton<PendingStepReader>();
        services.TryAddKeyedSingleton<ICallerRequirement, RecentlyAuthenticatedCaller>(Callers.RecentlyAuthenticated);
        services.TryAddKeyedSingleton<ICallerRequirement, AnyoneOrStepCaller>(Callers.AnyoneOrStep);
        services.TryAddKeyedSingleton<ICallerRequirement>(Callers.SecondFactorStep, (sp, _) =>
            new StepCaller(sp.GetRequiredService<PendingStepReader>(), PendingStepKind.SecondFactor));
        services.TryAddKeyedSingleton<ICallerRequirement>(Callers.PasswordChanger, (sp, _) => SessionOrStep(sp, PendingStepKind.ChangePassword, recentAuth: false));
        services.TryAddKeyedSingleton<ICallerRequirement>(Callers.Enroller, (sp, _) => SessionOrStep(sp, PendingStepKind.Enroll, recentAuth: true));
        return services;
    }

    private static SessionOrStepCaller SessionOrStep(IServiceProvider services, PendingStepKind kind, bool recentAuth) => new(
        services.GetRequiredService<RequestAuthenticator>(),
        services.GetRequiredService<PendingStepReader>(),
        kind,
        recentAuth,
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecondFactorOptions>>(),
        services.GetRequiredService<TimeProvider>());
}
