using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Storage;

/// <summary>Builds the one <see cref="TableServiceClient"/> the app shares, from a connection string or a managed identity.</summary>
public static class TableClientFactory
{
    public static TableServiceClient CreateServiceClient(IOptions<UsersOptions> options)
    {
        var settings = options.Value;
        return string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new TableServiceClient(settings.ServiceUri, new DefaultAzureCredential())
            : new TableServiceClient(settings.ConnectionString);
    }
}
