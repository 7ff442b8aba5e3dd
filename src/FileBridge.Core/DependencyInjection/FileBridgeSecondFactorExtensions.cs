using FileBridge.Core.Passkeys;
using FileBridge.Core.PendingSteps;
using FileBridge.Core.SecondFactor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.DependencyInjection;

/// <summary>The second factor: TOTP, recovery codes, passkeys, challenges and pending sign-in steps.</summary>
public static class FileBridgeSecondFactorExtensions
{
    /// <summary>
    /// Registers the second-factor pieces on top of <see cref="FileBridgeCoreExtensions.AddFileBridgeUsers"/>,
    /// with <c>Login:SecondFactor</c>, <c>Login:SecretsKey</c> and <c>Web:PasskeyRpId</c> validated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddFileBridgeSecondFactor(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFileBridgeUsers();
        var services = builder.Services;
        services.AddOptions<SecondFactorOptions>().BindConfiguration(SecondFactorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecondFactorOptions>, SecondFactorOptionsValidation>());
        services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsValidation>());

        services.TryAddSingleton<SecretsKey>();
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton<UserFactorStore>();
        services.TryAddSingleton<FactorSummaryReader>();
        services.TryAddSingleton<RecoveryCodeService>();
        services.TryAddSingleton<TotpFactor>();
        services.TryAddSingleton<FactorReset>();

        services.TryAddSingleton<Fido2Factory>();
        services.TryAddSingleton<ChallengeStore>();
        services.TryAddSingleton<PasskeyStore>();
        services.TryAddSingleton<PasskeyUserHandles>();
        services.TryAddSingleton<PasskeyRegistration>();
        services.TryAddSingleton<PasskeyAssertion>();
        services.TryAddSingleton<PasskeyManagement>();

        services.TryAddSingleton<PendingStepStore>();
        services.AddHostedService<SecondFactorStateCleanup>();
        return builder;
    }
}
