using FileBridge.Core.Account;
using FileBridge.Core.SignIn;
using FileBridge.Core.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FileBridge.Core.DependencyInjection;

/// <summary>Sign-in v3: the steps after the password, re-authentication and self-service password changes.</summary>
public static class FileBridgeSignInExtensions
{
    /// <summary>Registers the sign-in steps on top of sessions (<see cref="FileBridgeCoreExtensions.AddFileBridgeSessions"/>) and the second factor.</summary>
    public static IHostApplicationBuilder AddFileBridgeSignIn(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFileBridgeSessions();
        builder.AddFileBridgeSecondFactor();
        var services = builder.Services;
        services.TryAddSingleton<BudgetedCheck>();
        services.TryAddSingleton<SignInFlow>();
        services.TryAddSingleton<StepCodes>();
        services.TryAddSingleton<Reauthentication>();
        services.TryAddSingleton<PasswordChangeWriter>();
        services.TryAddSingleton<PasswordChange>();
        services.TryAddSingleton<SessionRenewal>();
        return builder;
    }
}
