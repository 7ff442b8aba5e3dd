using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;

namespace FileBridge.Integration.Tests.Aws;

/// <summary>
/// The SDK's HTTP layer with a hook in front of the real endpoint: a test decides, per STS call or S3 request,
/// whether to answer with a fault or pass the call through, and counts the AssumeRole calls that were made.
/// </summary>
public sealed class FaultInjectingHttpClientFactory : HttpClientFactory
{
    private readonly FaultHandler _handler = new();

    /// <summary>Given the 1-based STS call number: a fault to answer with, or null to pass through.</summary>
    public Func<int, HttpResponseMessage?> StsFault { get => _handler.StsFault; set => _handler.StsFault = value; }

    /// <summary>Given an S3 request: a fault to answer with, or null to pass through.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?> S3Fault { get => _handler.S3Fault; set => _handler.S3Fault = value; }

    public int StsCalls => _handler.StsCalls;

    public int AssumeRoleCallsReachingEndpoint => _handler.PassedThrough;

    /// <summary>The Authorization header of every STS call (null when unsigned), to prove what the broker signs with.</summary>
    public IReadOnlyCollection<string?> StsAuthorizationHeaders => _handler.Authorizations;

    /// <summary>The <c>Policy</c> parameter of every STS call as sent (form-decoded; null when the call carried none).</summary>
    public IReadOnlyCollection<string?> StsPolicies => _handler.Policies;

    public static HttpResponseMessage StsError(HttpStatusCode status, string code) =>
        new(status)
        {
            Content = new StringContent(
                $"<ErrorResponse><Error><Type>Receiver</Type><Code>{code}</Code><Message></Message></Error><RequestId>fault</RequestId></ErrorResponse>",
                Encoding.UTF8,
                "text/xml"),
        };

    /// <summary>Thrown instead of a response: what a reset connection looks like to the SDK.</summary>
    public static HttpResponseMessage ThrowSocketFault() => throw new HttpRequestException("injected", new SocketException((int)SocketError.ConnectionReset));

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class FaultHandler : DelegatingHandler
    {
        private int _stsCalls;
        private int _passedThrough;

        public FaultHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public Func<int, HttpResponseMessage?> StsFault { get; set; } = _ => null;

        public Func<HttpRequestMessage, HttpResponseMessage?> S3Fault { get; set; } = _ => null;

        public int StsCalls => Volatile.Read(ref _stsCalls);

        public int PassedThrough => Volatile.Read(ref _passedThrough);

        public System.Collections.Concurrent.ConcurrentQueue<string?> Authorizations { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<string?> Policies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // STS is a form POST to "/"; S3 calls from the broker are GET/HEAD/PUT on bucket paths.
            var isSts = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/"
                && request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded";
            if (!isSts)
            {
                return S3Fault(request) ?? await base.SendAsync(request, cancellationToken);
            }

            var call = Interlocked.Increment(ref _stsCalls);
            Authorizations.Enqueue(request.Headers.Authorization?.ToString());
            await request.Content!.LoadIntoBufferAsync(cancellationToken);
            Policies.Enqueue(FormValue(await request.Content.ReadAsStringAsync(cancellationToken), "Policy"));
            if (StsFault(call) is { } fault)
            {
                return fault;
            }

            Interlocked.Increment(ref _passedThrough);
            return await base.SendAsync(request, cancellationToken);
        }

        private static string? FormValue(string form, string name) =>
            form.Split('&')
                .Select(pair => pair.Split('=', 2))
                .Where(pair => pair.Length == 2 && pair[0] == name)
                .Select(pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')))
                .FirstOrDefault();
    }
}
