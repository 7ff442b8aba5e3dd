using FileBridge.Core.Aws;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Aws;

public sealed class CredentialSourceValidationTests
{
    private static readonly string TokenFile = Path.Combine(Path.GetTempPath(), "filebridge-token.jwt");

    private static Dictionary<string, string?> Keyless(string? audience = "api://filebridge-aws", string? tokenFile = null)
    {
        var settings = AwsTestHost.Settings();
        settings.Remove("Aws:AccessKeyId");
        settings.Remove("Aws:SecretAccessKey");
        settings["Aws:CredentialSource"] = "WebIdentity";
        settings["Aws:WebIdentityAudience"] = audience;
        settings["Aws:WebIdentityTokenFile"] = tokenFile;
        return settings;
    }

    public static TheoryData<Dictionary<string, string?>, string> BadSettings() => new()
    {
        { With(AwsTestHost.Settings(), "Aws:CredentialSource", "Keyless"), "Aws:CredentialSource must be AccessKey or WebIdentity." },
        { With(Keyless(), "Aws:AccessKeyId", "AKIAFAKEBROKER000001"), "Aws:AccessKeyId and Aws:SecretAccessKey must not be set when Aws:CredentialSource is WebIdentity" },
        { With(Keyless(), "Aws:SecretAccessKey", "fakeBrokerSecret000000000000000000000001"), "must not be set when Aws:CredentialSource is WebIdentity" },
        { Keyless(audience: null), "Aws:CredentialSource WebIdentity needs Aws:WebIdentityAudience (a managed identity token) or Aws:WebIdentityTokenFile." },
        { Keyless(tokenFile: TokenFile), "Aws:WebIdentityAudience and Aws:WebIdentityTokenFile are alternatives: set one." },
        { Keyless(audience: "api://file bridge"), "Aws:WebIdentityAudience must be one application ID URI or client id" },
        { Keyless(audience: null, tokenFile: "relative/token.jwt"), "Aws:WebIdentityTokenFile must be an absolute path." },
        { With(AwsTestHost.Settings(), "Aws:WebIdentityAudience", "api://filebridge-aws"), "Aws:WebIdentityAudience and Aws:WebIdentityTokenFile apply only when Aws:CredentialSource is WebIdentity." },
        { With(With(AwsTestHost.Settings(), "Aws:CredentialSource", "AccessKey"), "Aws:WebIdentityTokenFile", TokenFile), "apply only when Aws:CredentialSource is WebIdentity." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Start_WithBadModeSettings_FailsNamingTheSetting(Dictionary<string, string?> settings, string expected)
    {
        using var host = AwsTestHost.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WebIdentity", "api://filebridge-aws", null)]
    [InlineData("webidentity", "00000000-0000-0000-0000-00000000abcd", null)]
    [InlineData("WebIdentity", null, "token-file")]
    public void Start_WithGoodKeylessSettings_RunsInWebIdentityMode(string mode, string? audience, string? tokenFile)
    {
        var settings = Keyless(audience, tokenFile is null ? null : TokenFile);
        settings["Aws:CredentialSource"] = mode;
        using var host = AwsTestHost.Build(settings);

        host.Start();

        Assert.Equal(AwsCredentialSource.WebIdentity, Options(host).EffectiveCredentialSource);
    }

    [Fact]
    public void EffectiveCredentialSource_NotSetWithAccessKey_IsAccessKey()
    {
        using var host = AwsTestHost.Build(AwsTestHost.Settings());

        host.Start();

        Assert.Equal(AwsCredentialSource.AccessKey, Options(host).EffectiveCredentialSource);
    }

    [Fact]
    public void EffectiveCredentialSource_NotSetWithoutKeys_IsAccessKeyWithTheDefaultChain()
    {
        var options = new AwsOptions();

        Assert.Equal(AwsCredentialSource.AccessKey, options.EffectiveCredentialSource);
        Assert.False(options.HasStaticKeys);
    }

    [Fact]
    public void EffectiveCredentialSource_NotSetWithOnlyAnAudience_IsWebIdentity()
    {
        var options = new AwsOptions { WebIdentityAudience = "api://filebridge-aws" };

        Assert.Equal(AwsCredentialSource.WebIdentity, options.EffectiveCredentialSource);
    }

    [Fact]
    public void BrokerCredentials_InWebIdentityMode_AreAnonymous()
    {
        var options = new AwsOptions { CredentialSource = "WebIdentity", WebIdentityAudience = "api://filebridge-aws" };

        var credentials = AwsClientConfigs.BrokerCredentials(options);

        Assert.IsType<Amazon.Runtime.AnonymousAWSCredentials>(credentials);
    }

    private static AwsOptions Options(IHost host) =>
        ((IOptions<AwsOptions>)host.Services.GetService(typeof(IOptions<AwsOptions>))!).Value;

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, string key, string? value)
    {
        settings[key] = value;
        return settings;
    }
}
