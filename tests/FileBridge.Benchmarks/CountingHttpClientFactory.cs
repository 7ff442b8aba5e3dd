using Amazon.Runtime;

namespace FileBridge.Benchmarks;

/// <summary>The SDK's HTTP layer, passing everything through and counting STS calls (form POSTs to "/").</summary>
internal sealed class CountingHttpClientFactory : HttpClientFactory
{
    private readonly CountingHandler _handler = new();

    public int StsCalls => _handler.StsCalls;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _stsCalls;

        public int StsCalls => Volatile.Read(ref _stsCalls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/")
            {
                Interlocked.Increment(ref _stsCalls);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
