using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SecurityToken;
using FileBridge.Core.Aws;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FileBridge.Core.Tests.Aws;

public sealed class AwsFaultClassifierTests
{
    public static TheoryData<string, HttpStatusCode, bool> ServiceErrors => new()
    {
        { "InternalFailure", HttpStatusCode.InternalServerError, true },
        { "ServiceUnavailable", HttpStatusCode.ServiceUnavailable, true },
        { "", HttpStatusCode.BadGateway, true },
        { "Throttling", HttpStatusCode.BadRequest, true },
        { "ThrottlingException", HttpStatusCode.BadRequest, true },
        { "RequestLimitExceeded", HttpStatusCode.BadRequest, true },
        { "SlowDown", HttpStatusCode.ServiceUnavailable, true },
        { "IDPCommunicationError", HttpStatusCode.BadRequest, true },
        { "", HttpStatusCode.TooManyRequests, true },
        { "", HttpStatusCode.RequestTimeout, true },
        { "AccessDenied", HttpStatusCode.Forbidden, false },
        { "MalformedPolicyDocument", HttpStatusCode.BadRequest, false },
        { "PackedPolicyTooLarge", HttpStatusCode.BadRequest, false },
        { "ValidationError", HttpStatusCode.BadRequest, false },
        { "InvalidParameterValue", HttpStatusCode.BadRequest, false },
        { "ExpiredToken", HttpStatusCode.BadRequest, false },
        { "RegionDisabledException", HttpStatusCode.Forbidden, false },
        { "NoSuchKey", HttpStatusCode.NotFound, false },
        { "", HttpStatusCode.Conflict, false },
    };

    [Theory]
    [MemberData(nameof(ServiceErrors))]
    public void IsTransient_ServiceError_FollowsCodeAndStatus(string code, HttpStatusCode status, bool expected)
    {
        var error = new AmazonSecurityTokenServiceException("") { ErrorCode = code, StatusCode = status };

        var transient = AwsFaultClassifier.IsTransient(error);

        Assert.Equal(expected, transient);
    }

    public static TheoryData<Exception, bool> ClientFaults => new()
    {
        { new HttpRequestException("connection refused"), true },
        { new HttpRequestException("wrapped", new SocketException((int)SocketError.ConnectionReset)), true },
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new IOException("unexpected end of stream"), true },
        { new TimeoutRejectedException(), true },
        { new TaskCanceledException("HttpClient.Timeout elapsed"), true },
        { new AmazonClientException("network", new HttpRequestException("reset")), true },
        { new AmazonServiceException("no response", new IOException("reset")), true },
        { new BrokenCircuitException(), false },
        { new AmazonClientException("no credentials configured"), false },
        { new InvalidOperationException("bug"), false },
        { new ArgumentException("bad"), false },
    };

    [Theory]
    [MemberData(nameof(ClientFaults))]
    public void IsTransient_ClientSideFault_OnlyNetworkAndTimeouts(Exception fault, bool expected)
    {
        var transient = AwsFaultClassifier.IsTransient(fault);

        Assert.Equal(expected, transient);
    }

    [Fact]
    public void IsTransient_CancellationTheCallerAskedFor_IsNotTransient()
    {
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        var transient = AwsFaultClassifier.IsTransient(new TaskCanceledException(), caller.Token);

        Assert.False(transient);
    }

    [Theory]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, true)]
    [InlineData("AccessDenied", HttpStatusCode.BadRequest, true)]
    [InlineData("InvalidAccessKeyId", HttpStatusCode.Forbidden, true)]
    [InlineData("NoSuchKey", HttpStatusCode.NotFound, false)]
    public void IsAccessDenied_ReadsCodeOrStatus(string code, HttpStatusCode status, bool expected)
    {
        var denied = AwsFaultClassifier.IsAccessDenied(new AmazonServiceException("") { ErrorCode = code, StatusCode = status });

        Assert.Equal(expected, denied);
    }
}
