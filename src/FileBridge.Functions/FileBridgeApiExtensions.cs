using FileBridge.Core.DependencyInjection;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FileBridge.Functions;

/// <summary>Everything the HTTP functions need; used by the Functions host and by the DevHost alike.</summary>
public static class FileBridgeApiExtensions
{
    public static IHostApplicationBuilder AddFileBridgeApi(this IHostApplicationBuilder builder)
    {
        builder.AddFileBridgeSessions();
        builder.AddFileBridgeSignIn();
        builder.AddFileBridgeAws();
        builder.AddFileBridgeAudit();
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(EndpointPolicies.Discover(typeof(FileBridgeApiExtensions).Assembly));
        builder.Services.AddCallerRequirements();
        builder.Services.TryAddSingleton<RequestLimiters>();
        builder.Services.TryAddSingleton<FrontDoorCheck>();
        builder.Services.TryAddSingleton<OriginPolicy>();
        builder.Services.TryAddSingleton<ClientAddressResolver>();
        builder.Services.TryAddSingleton<ThrottledAuditSampler>();
        builder.Services.TryAddSingleton<RequestAudit>();
        builder.Services.TryAddSingleton<Auth.SignInAnswers>();
        builder.Services.TryAddSingleton<Account.FactorChangeAnswers>();
        builder.Services.TryAddSingleton<ApiPipeline>();
        return builder;
    }
}
