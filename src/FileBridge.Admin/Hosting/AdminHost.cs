using FileBridge.Admin.Input;
using FileBridge.Admin.Output;
using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Passkeys;
using FileBridge.Core.SecondFactor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FileBridge.Admin.Hosting;

/// <summary>The admin tool's host: the app's own registrations, fed from environment variables and an optional settings file.</summary>
public static class AdminHost
{
    public static IHost Build(string? settingsPath)
    {
        // No defaults: an appsettings.json that happens to sit in the current directory must not be read silently.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        if (settingsPath is not null)
        {
            // Named on the command line, so it wins over the environment.
            builder.Configuration.AddInMemoryCollection(SettingsFile.Read(settingsPath));
        }

        // Warnings and errors only, on standard error: standard output carries the command's result.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.AddFileBridgeSessions();
        builder.AddFileBridgeAudit();
        AddFactorTables(builder.Services);
        builder.Services.AddSingleton(new AdminConsole(Console.Out, Console.Error));
        builder.Services.AddSingleton<PasswordReader>();
        builder.Services.AddSingleton<DefaultPrefixesSetting>();
        return builder.Build();
    }

    /// <summary>
    /// The second-factor tables and nothing that uses a secret: the tool counts and removes factors but never
    /// decrypts a TOTP secret or checks a passkey, so it needs neither <c>Login:SecretsKey</c> nor <c>Web:PasskeyRpId</c>.
    /// </summary>
    private static void AddFactorTables(IServiceCollection services)
    {
        services.AddOptions<SecondFactorOptions>().BindConfiguration(SecondFactorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserFactorStore>();
        services.AddSingleton<PasskeyStore>();
        services.AddSingleton<FactorSummaryReader>();
        services.AddSingleton<FactorReset>();
    }
}
