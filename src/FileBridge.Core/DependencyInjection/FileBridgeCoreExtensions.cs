using Azure.Data.Tables;
using FileBridge.Core.Groups;
using FileBridge.Core.Health;
using FileBridge.Core.Login;
using FileBridge.Core.Login.Devices;
using FileBridge.Core.Login.Passwords;
using FileBridge.Core.Sessions;
using FileBridge.Core.Storage;
using FileBridge.Core.Throttling;
using FileBridge.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.DependencyInjection;

/// <summary>Registrations shared by the Functions app, the DevHost and the admin tool.</summary>
public static class FileBridgeCoreExtensions
{
    /// <summary>The user table, password hashing and the table client, with options validated at start-up.</summary>
    public static IHostApplicationBuilder AddFileBridgeUsers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<UsersOptions>().BindConfiguration(UsersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => TableClientFactory.CreateServiceClient(sp.GetRequiredService<IOptions<UsersOptions>>()));
        services.TryAddSingleton<TableUserStore>();
        // With sessions (the app), writes to users also reach this instance's session check cache.
        services.TryAddSingleton<IUserStore>(sp => sp.GetService<SessionCheckCache>() is { } cache
            ? new CacheEvictingUserStore(sp.GetRequiredService<TableUserStore>(), cache)
            : sp.GetRequiredService<TableUserStore>());
        services.TryAddSingleton<PasswordHashing>();
        services.TryAddSingleton<PasswordPolicy>();
        services.TryAddSingleton<TemporaryPasswords>();
        return builder;
    }

    /// <summary>Sessions and sign-in on top of <see cref="AddFileBridgeUsers"/>.</summary>
    public static IHostApplicationBuilder AddFileBridgeSessions(this IHostApplicationBuilder builder)
    {
        builder.AddFileBridgeUsers();
        var services = builder.Services;
        services.AddOptions<SessionsOptions>().BindConfiguration(SessionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISessionStore, TableSessionStore>();
        services.TryAddSingleton<ISessionIndex, TableSessionIndex>();
        services.TryAddSingleton<SessionCheckCache>();
        services.AddOptions<GroupsOptions>().BindConfiguration(GroupsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IGroupStore, TableGroupStore>();
        services.TryAddSingleton<GroupGrantsReader>();
        services.TryAddSingleton<SessionService>();
        services.TryAddSingleton<SessionRevocation>();
        services.AddOptions<ThrottleOptions>().BindConfiguration(ThrottleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RateLimits>();
        services.TryAddSingleton<PasswordCheckGate>();
        services.TryAddSingleton<LoginLockout>();
        services.TryAddSingleton<AccountLoginStateStore>();
        services.TryAddSingleton<UnknownNameLoginStateStore>();
        services.TryAddSingleton<DeviceLoginStateStore>();
        services.TryAddSingleton<AccountLockouts>();
        services.TryAddSingleton<DeviceKeySource>();
        services.TryAddSingleton<DeviceCookies>();
        services.TryAddSingleton(sp => new LoginStateStores(
            sp.GetRequiredService<AccountLoginStateStore>(), sp.GetRequiredService<UnknownNameLoginStateStore>(),
            sp.GetRequiredService<DeviceLoginStateStore>()));
        services.AddHostedService<LoginAttemptsCleanup>();
        services.TryAddSingleton<LoginService>();
        services.AddHealthChecks();
        services.TryAddSingleton<ReadinessReport>();
        services.Configure<HealthCheckServiceOptions>(options => ReadinessChecks.Add<UsersHealthCheck>(options, ReadinessChecks.Users));
        return builder;
    }
}
