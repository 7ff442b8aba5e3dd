using System.Net.Sockets;
using Azure;
using Azure.Identity;

namespace FileBridge.Core.Aws;

/// <summary>
/// Classifies failures to obtain a web identity token, apart from <see cref="AwsFaultClassifier"/>: the token source
/// failing is a problem of this instance (its identity, its file), not of STS, and must not feed the STS breaker.
/// </summary>
public static class WebIdentityTokenFaults
{
    /// <param name="exception">What the token source threw.</param>
    /// <param name="callerToken">The caller's token: a cancellation the caller asked for is never transient.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case WebIdentityTokenException token:
                return token.IsTransient;
            case CredentialUnavailableException:
                // No managed identity on this host: asking again will not create one.
                return false;
            case AuthenticationFailedException failed:
                // Entra ID refusing (unknown audience, identity not allowed) is permanent; an unreachable endpoint is not.
                return failed.InnerException is { } cause && IsTransient(cause, callerToken);
            case RequestFailedException request:
                return request.Status is 0 or 408 or 429 or >= 500;
            case OperationCanceledException:
                return !callerToken.IsCancellationRequested;
            case FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException:
                // The token file is missing or unreadable: a configuration problem until someone fixes it.
                return false;
            case IOException:
                // A writer replacing the file at that moment, a busy disk.
                return true;
            case HttpRequestException or SocketException or TimeoutException:
                return true;
            default:
                return false;
        }
    }
}
