using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Passkeys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Tests.Passkeys;

public sealed class PasskeyOptionsValidationTests
{
    [Fact]
    public void RpId_UnsetOnLoopback_IsLocalhost()
    {
        Assert.Equal("localhost", Resolve(Environments.Development, null).RpId);
    }

    [Fact]
    public void RpId_UnsetOutsideLoopback_StopsStartUpNamingTheSetting()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Resolve(Environments.Production, null));

        Assert.Contains("Web:PasskeyRpId", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("https://files.example.com")]
    [InlineData("files.example.com:443")]
    public void RpId_NotAHostName_StopsStartUp(string rpId)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Resolve(Environments.Production, rpId));

        Assert.Contains("Web:PasskeyRpId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RpId_Set_IsLowerCased()
    {
        Assert.Equal("files.example.com", Resolve(Environments.Production, "Files.Example.com").RpId);
    }

    private static PasskeyOptions Resolve(string environment, string? rpId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Users:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Login:SecretsKey"] = Convert.ToBase64String(new byte[32]),
            ["Web:PasskeyRpId"] = rpId,
        });
        builder.AddFileBridgeSecondFactor();
        using var provider = builder.Services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PasskeyOptions>>().Value;
    }
}
