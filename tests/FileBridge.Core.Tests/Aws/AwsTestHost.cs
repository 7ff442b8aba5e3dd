using Amazon.Runtime;
using FileBridge.Core.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FileBridge.Core.Tests.Aws;

/// <summary>The app's own AWS registrations over in-memory settings, optionally with a scripted HTTP layer.</summary>
internal static class AwsTestHost
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Aws:Region"] = "us-east-1",
        ["Aws:ServiceUrl"] = "http://127.0.0.1:9",
        ["Aws:AccessKeyId"] = "AKIAFAKEBROKER000001",
        ["Aws:SecretAccessKey"] = "fakeBrokerSecret000000000000000000000001",
        ["Aws:RoleArn"] = "arn:aws:iam:::role/filebridge-reader",
        ["Aws:StsBaseDelay"] = "00:00:00",
        ["Files:Bucket"] = "filebridge-demo",
    };

    public static IHost Build(Dictionary<string, string?> settings, HttpClientFactory? http = null, TimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (http is not null)
        {
            builder.Services.AddSingleton(http);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddFileBridgeAws();
        return builder.Build();
    }
}
