using System.Net;
using System.Text;

namespace FileBridge.Core.Tests.Aws;

/// <summary>An HTTP layer for the real SDK clients that answers from a script instead of the network.</summary>
public sealed class ScriptedHttpHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public List<string> Bodies { get; } = [];

    /// <summary>The Authorization header of each request (null when unsigned).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string?> Authorizations { get; } = new();

    public static HttpResponseMessage Xml(HttpStatusCode status, string xml) =>
        new(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    public static HttpResponseMessage AssumeRoleOk(DateTimeOffset expiresAt) => Xml(HttpStatusCode.OK, $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>ASIAFAKEACCESSKEY001</AccessKeyId>
              <SecretAccessKey>fakeSecretAccessKey0000000000000000000001</SecretAccessKey>
              <SessionToken>fake-session-token</SessionToken>
              <Expiration>{expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
            <AssumedRoleUser><Arn>arn:aws:sts:::assumed-role/reader/fb-test</Arn><AssumedRoleId>AROAFAKE:fb-test</AssumedRoleId></AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000001</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """);

    public static HttpResponseMessage StsError(HttpStatusCode status, string code) => Xml(status, $"""
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>{((int)status >= 500 ? "Receiver" : "Sender")}</Type><Code>{code}</Code><Message></Message></Error>
          <RequestId>00000000-0000-0000-0000-000000000002</RequestId>
        </ErrorResponse>
        """);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Authorizations.Enqueue(request.Headers.Authorization?.ToString());
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Bodies)
            {
                Bodies.Add(body);
            }
        }

        return await respond(request, call, cancellationToken);
    }
}
