using Amazon.Runtime;

namespace FileBridge.Benchmarks;

/// <summary>The AWS SDK's HTTP layer with a fixed wait before each call: S3 and STS as far away as in the cloud.</summary>
internal sealed class LatencyHttpClientFactory : HttpClientFactory
{
    private readonly LatencyHandler _handler = new();

    public void Set(TimeSpan s3, TimeSpan sts)
    {
        _handler.S3 = s3;
        _handler.Sts = sts;
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class LatencyHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public TimeSpan S3 { get; set; }

        public TimeSpan Sts { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // STS is a form POST to "/"; everything else the app sends is S3.
            var isSts = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/";
            var wait = isSts ? Sts : S3;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
