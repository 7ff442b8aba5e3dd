using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using FileBridge.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FileBridge.Functions.Tests.Telemetry;

/// <summary>
/// Application Insights runs with local authentication off, so the Azure Monitor exporter must send with the
/// managed identity's token; the exporter does not read APPLICATIONINSIGHTS_AUTHENTICATION_STRING itself.
/// </summary>
public sealed class ExporterCredentialTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/";
    private const string ClientId = "6c1d2f0e-4b9a-4f3e-9a51-2b7e8f0c1d23";

    [Fact]
    public void AuthenticationStringAsTheTemplatesWriteIt_GivesTheExporterTheUserAssignedIdentitysCredential()
    {
        var options = ExporterOptions(new()
        {
            [TelemetryOptions.ConnectionStringSetting] = ConnectionString,
            [TelemetryOptions.AuthenticationStringSetting] = $"ClientId={ClientId};Authorization=AAD",
        });

        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
        Assert.Equal(ClientId, ExporterAuthentication.Parse($"ClientId={ClientId};Authorization=AAD")!.ClientId);
    }

    [Fact]
    public void AuthorizationAadAlone_MeansTheSystemAssignedIdentity()
    {
        var options = ExporterOptions(new()
        {
            [TelemetryOptions.ConnectionStringSetting] = ConnectionString,
            [TelemetryOptions.AuthenticationStringSetting] = "Authorization=AAD",
        });

        Assert.IsType<ManagedIdentityCredential>(options.Credential);
        Assert.Null(ExporterAuthentication.Parse("Authorization=AAD")!.ClientId);
    }

    [Fact]
    public void WithoutAnAuthenticationString_TheExporterSendsWithTheConnectionStringOnly()
    {
        var options = ExporterOptions(new() { [TelemetryOptions.ConnectionStringSetting] = ConnectionString });

        Assert.Null(options.Credential);
    }

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=not-a-guid;Authorization=AAD")]
    [InlineData("ClientId=" + ClientId)]
    [InlineData("Authorization=AAD;Secret=x")]
    [InlineData("Authorization")]
    public void MalformedAuthenticationString_StopsTheStartUp_NamingTheSettingNotTheValue(string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryOptions.ConnectionStringSetting] = ConnectionString,
            [TelemetryOptions.AuthenticationStringSetting] = value,
        });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFileBridgeTelemetry());

        Assert.Contains(TelemetryOptions.AuthenticationStringSetting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-guid", error.Message, StringComparison.Ordinal);
    }

    private static AzureMonitorExporterOptions ExporterOptions(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFileBridgeTelemetry();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
    }
}
