using Amazon.Runtime;

namespace FileBridge.Core.Tests.Aws;

/// <summary>Plugs a <see cref="ScriptedHttpHandler"/> under an SDK client through <c>ClientConfig.HttpClientFactory</c>.</summary>
public sealed class ScriptedHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

    // Tests must not share the SDK's process-wide HttpClient cache: each one scripts its own answers.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
