using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Aws;

/// <summary>Picks the web identity token source from the settings (start-up validation allows exactly one).</summary>
public static class WebIdentityTokenSources
{
    public static IWebIdentityTokenSource Select(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<AwsOptions>>();
        return string.IsNullOrWhiteSpace(options.Value.WebIdentityTokenFile)
            ? new ManagedIdentityTokenSource(services.GetRequiredService<TokenCredential>(), options)
            : new WebIdentityTokenFileSource(options);
    }
}
