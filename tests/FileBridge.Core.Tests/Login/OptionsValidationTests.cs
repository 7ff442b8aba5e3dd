using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Login;
using FileBridge.Core.Sessions;
using FileBridge.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Login;

public sealed class OptionsValidationTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Theory]
    [InlineData("Users:ConnectionString", "", "Users:ConnectionString or Users:ServiceUri must be set.")]
    [InlineData("Users:ConnectionString", "garbage", "Users:ConnectionString is not a valid storage connection string.")]
    [InlineData("Users:ConnectionString", "AccountName=a;AccountKey:SecretKeyMaterial", "Users:ConnectionString is not a valid storage connection string.")]
    [InlineData("Users:TableName", "", "Users:TableName is required.")]
    [InlineData("Users:TableName", "no-dashes-allowed", "Users:TableName must be")]
    [InlineData("Sessions:TableName", "1abc", "Sessions:TableName must be")]
    [InlineData("Sessions:IdleTimeout", "00:00:00", "Sessions:IdleTimeout must be")]
    [InlineData("Sessions:IndexTableName", "has-dashes", "Sessions:IndexTableName must be")]
    [InlineData("Sessions:IndexTableName", "sessions", "Sessions:IndexTableName must name another table than Sessions:TableName.")]
    [InlineData("Sessions:MaxPerUser", "0", "Sessions:MaxPerUser must be between 1 and 50.")]
    [InlineData("Sessions:MaxPerUser", "51", "Sessions:MaxPerUser must be between 1 and 50.")]
    [InlineData("Sessions:IdleTimeout", "09:00:00", "Sessions:IdleTimeout must not be longer than Sessions:AbsoluteTimeout.")]
    [InlineData("Login:MaxFailedAttempts", "0", "Login:MaxFailedAttempts must be")]
    [InlineData("Login:PasswordHashIterations", "100000", "Login:PasswordHashIterations must be at least 210000.")]
    public void Start_WithBadSetting_FailsNamingTheSetting(string setting, string value, string expected)
    {
        using var host = BuildHost(new() { ["Users:ConnectionString"] = Azurite, [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretKeyMaterial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithMalformedTimeSpan_FailsNamingTheSetting()
    {
        using var host = BuildHost(new() { ["Users:ConnectionString"] = Azurite, ["Sessions:IdleTimeout"] = "half an hour" });

        var error = Assert.ThrowsAny<Exception>(() => host.Start());

        Assert.Contains("Sessions:IdleTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithDefaults_UsesTheDocumentedValues()
    {
        using var host = BuildHost(new() { ["Users:ConnectionString"] = Azurite });

        host.Start();

        var sessions = host.Services.GetRequiredService<IOptions<SessionsOptions>>().Value;
        var login = host.Services.GetRequiredService<IOptions<LoginOptions>>().Value;
        var users = host.Services.GetRequiredService<IOptions<UsersOptions>>().Value;
        Assert.Equal(("Users", "Sessions"), (users.TableName, sessions.TableName));
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)), (sessions.IdleTimeout, sessions.AbsoluteTimeout));
        Assert.Equal(("SessionIndex", 10), (sessions.IndexTableName, sessions.MaxPerUser));
        Assert.Equal((5, TimeSpan.FromMinutes(15), 210_000), (login.MaxFailedAttempts, login.LockoutDuration, login.PasswordHashIterations));
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFileBridgeSessions();
        return builder.Build();
    }
}
