using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FileBridge.Core.Aws;

/// <summary>Decides whether a failed AWS call is worth trying again.</summary>
/// <remarks>
/// Only faults that say nothing about the request itself are transient: the service was busy, slow or
/// unreachable. Anything the service refused on purpose (4xx other than throttling) would fail the same way
/// again, so retrying it only adds load and latency.
/// </remarks>
public static class AwsFaultClassifier
{
    private static readonly HashSet<string> TransientErrorCodes = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
        "IDPCommunicationError",
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
    };

    /// <param name="exception">What the call threw.</param>
    /// <param name="callerToken">The caller's token: a cancellation the caller asked for is never transient.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerToken = default)
    {
        switch (exception)
        {
            case BrokenCircuitException:
                // The breaker already decided; retrying into an open circuit only burns the retry budget.
                return false;
            case WebIdentityTokenException:
                // This instance's token source failed, not STS: WebIdentityTokenFaults judges it, the STS breaker never counts it.
                return false;
            case TimeoutRejectedException:
                return true;
            case OperationCanceledException:
                // The SDK's own HttpClient timeout surfaces as TaskCanceledException with nobody having cancelled.
                return !callerToken.IsCancellationRequested;
            case AmazonServiceException service:
                return IsTransientServiceError(service) || (service.InnerException is { } cause && IsTransientNetworkError(cause));
            case AmazonClientException client when client.InnerException is { } inner:
                return IsTransient(inner, callerToken);
            default:
                return IsTransientNetworkError(exception);
        }
    }

    /// <summary>True for AWS's way of saying "access denied" (the role, the trust policy or a session policy refused).</summary>
    public static bool IsAccessDenied(Exception exception) =>
        exception is AmazonServiceException { StatusCode: HttpStatusCode.Forbidden }
            or AmazonServiceException { ErrorCode: "AccessDenied" or "AccessDeniedException" };

    private static bool IsTransientServiceError(AmazonServiceException exception)
    {
        if (exception.ErrorCode is { } code && TransientErrorCodes.Contains(code))
        {
            return true;
        }

        var status = (int)exception.StatusCode;
        return status >= 500 || status is 408 or 429;
    }

    private static bool IsTransientNetworkError(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException or WebException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
