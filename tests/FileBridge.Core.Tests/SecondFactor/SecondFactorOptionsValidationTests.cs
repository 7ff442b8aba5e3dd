using System.Security.Cryptography;
using FileBridge.Core.DependencyInjection;
using FileBridge.Core.SecondFactor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.SecondFactor;

public sealed class SecondFactorOptionsValidationTests
{
    private static readonly string ValidKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Defaults_RequiredFiveMinutesAndOwnTables()
    {
        var options = Resolve(Environments.Development, []);

        Assert.Equal(SecondFactorPolicy.Required, options.SecondFactor);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RecentAuthWindow);
        Assert.Null(options.EnrollWithPasswordUntilUtc());
        Assert.Equal("Passkeys", options.PasskeysTableName);
        Assert.Equal("PendingSteps", options.PendingStepsTableName);
        Assert.Equal("PasskeyChallenges", options.ChallengesTableName);
    }

    [Theory]
    [InlineData("Login:SecondFactor", "Sometimes", "Login:SecondFactor")]
    [InlineData("Login:SecondFactor", "7", "Login:SecondFactor")]
    [InlineData("Login:RecentAuthWindow", "00:00:00", "Login:RecentAuthWindow")]
    [InlineData("Login:RecentAuthWindow", "01:00:01", "Login:RecentAuthWindow")]
    [InlineData("Login:EnrollWithPasswordUntil", "next week", "Login:EnrollWithPasswordUntil")]
    [InlineData("Login:SecretsKey", "c2hvcnQ=", "Login:SecretsKey")]
    [InlineData("Login:PasskeysTableName", "a-b", "Login:PasskeysTableName")]
    [InlineData("Login:PendingStepsTableName", "", "Login:PendingStepsTableName")]
    [InlineData("Login:ChallengesTableName", "1abc", "Login:ChallengesTableName")]
    public void Validate_BadSetting_MessageNamesIt(string key, string value, string named)
    {
        var e = Assert.ThrowsAny<Exception>(() => Resolve(Environments.Production, new() { ["Login:SecretsKey"] = ValidKey, [key] = value }));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretsKeyMessage_NeverQuotesTheValue()
    {
        const string Bad = "c2VjcmV0LXRoYXQtaXMtdG9vLXNob3J0";

        var e = Assert.Throws<OptionsValidationException>(() => Resolve(Environments.Production, new() { ["Login:SecretsKey"] = Bad }));

        Assert.DoesNotContain(Bad, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSecretsKeyOutsideDevelopment_IsRefused()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Resolve(Environments.Production, []));

        Assert.Contains("Login:SecretsKey is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSecretsKeyInDevelopment_IsAllowed()
    {
        var options = Resolve(Environments.Development, []);

        Assert.Null(options.SecretsKey);
    }

    [Theory]
    [InlineData("2026-12-31", "2026-12-31T00:00:00+00:00")]
    [InlineData("2026-12-31T18:00:00Z", "2026-12-31T18:00:00+00:00")]
    [InlineData("2026-12-31T20:00:00+02:00", "2026-12-31T18:00:00+00:00")]
    public void EnrollWithPasswordUntil_DateWithoutOffset_IsUtc(string configured, string expected)
    {
        var options = Resolve(Environments.Development, new() { ["Login:EnrollWithPasswordUntil"] = configured });

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), options.EnrollWithPasswordUntilUtc());
    }

    [Theory]
    [InlineData("off", SecondFactorPolicy.Off)]
    [InlineData("Optional", SecondFactorPolicy.Optional)]
    [InlineData("Required", SecondFactorPolicy.Required)]
    public void SecondFactor_Binds(string configured, SecondFactorPolicy expected)
    {
        Assert.Equal(expected, Resolve(Environments.Development, new() { ["Login:SecondFactor"] = configured }).SecondFactor);
    }

    internal static SecondFactorOptions Resolve(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Users:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFileBridgeSecondFactor();
        using var provider = builder.Services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SecondFactorOptions>>().Value;
    }
}
