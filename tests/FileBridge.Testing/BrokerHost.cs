using Amazon.Runtime;
using FileBridge.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FileBridge.Testing;

/// <summary>
/// The app's AWS registrations in-process, against the real local endpoint, optionally with an HTTP
/// layer of the caller's (fault injection, call counting).
/// </summary>
public static class BrokerHost
{
    public static IHost Build(Dictionary<string, string?>? overrides = null, HttpClientFactory? http = null)
    {
        var settings = TestEnvironment.BaseSettings();
        settings["Aws:StsBaseDelay"] = "00:00:00.010";
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (http is not null)
        {
            builder.Services.AddSingleton(http);
        }

        builder.AddFileBridgeAws();
        var host = builder.Build();
        host.Start();
        return host;
    }
}
