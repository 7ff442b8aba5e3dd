using System.Diagnostics.CodeAnalysis;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using FileBridge.Core.Aws;
using Microsoft.Extensions.Logging;

namespace FileBridge.Core.Files;

/// <summary>
/// Runs one S3 call with a user's cached assumed-role credentials for one location, and maps what can go wrong to a
/// <see cref="FileFailure"/>: bad credentials are thrown away and retried once (the cache limits how often), outages
/// are "unavailable", a missing object is "not found". Listing, download links and search share it.
/// </summary>
internal sealed partial class ScopedS3Calls(AssumedRoleCache credentials, ILogger logger)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public async Task<(T? Response, FileFailure? Failure)> CallAsync<T>(
        RoleRequest? roleRequest, Func<AssumedRoleSession, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        if (roleRequest is null)
        {
            return (null, FileFailures.Forbidden());
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var lease = await credentials.AcquireAsync(roleRequest, cancellationToken);
                try
                {
                    var response = await call(lease.Session, cancellationToken);
                    lease.Session.MarkWorked();
                    return (response, null);
                }
                catch (AmazonServiceException e) when (BadCredentials.Indicate(e, lease.Session.HasWorked))
                {
                    // AWS says the credentials themselves are bad (expired early, revoked): fetch new ones and try
                    // once more. The cache allows that once a minute per user and scope, whatever the requests.
                    LogS3RefusedCredentials(logger, roleRequest.UserId, e.ErrorCode);
                    if (attempt == 1 && credentials.InvalidateBadCredentials(roleRequest, lease.Session))
                    {
                        continue;
                    }

                    return (null, new FileFailure(FileFailureKind.Unavailable, "The file store refused FileBridge's credentials.", DefaultRetryAfter));
                }
            }
            catch (Exception e) when (TryClassify(e, cancellationToken, out var failure))
            {
                if (failure!.Kind == FileFailureKind.Unavailable)
                {
                    LogS3Failure(logger, roleRequest.UserId, (e as AmazonServiceException)?.ErrorCode ?? e.GetType().Name);
                }

                return (null, failure);
            }
        }
    }

    private static bool TryClassify(Exception e, CancellationToken cancellationToken, [NotNullWhen(true)] out FileFailure? failure)
    {
        failure = e switch
        {
            UpstreamUnavailableException unavailable =>
                FileFailures.Unavailable(unavailable.RetryAfter),
            HiddenObjectException =>
                new FileFailure(FileFailureKind.NotFound, "There is no such file."),
            AmazonServiceException { StatusCode: HttpStatusCode.NotFound } notFound when notFound.ErrorCode != "NoSuchBucket" =>
                new FileFailure(FileFailureKind.NotFound, "There is no such file."),
            AmazonServiceException { ErrorCode: "InvalidArgument" } invalid when !AwsFaultClassifier.IsTransient(invalid, cancellationToken) =>
                new FileFailure(FileFailureKind.BadRequest, "The file store refused the request."),
            // Anything else from S3 (outage after the SDK's retries, timeouts, unexpected refusals, an answer the
            // SDK cannot parse) is not the user's fault.
            AmazonServiceException or AmazonClientException or HttpRequestException or IOException or System.Xml.XmlException =>
                FileFailures.Unavailable(DefaultRetryAfter),
            OperationCanceledException when !cancellationToken.IsCancellationRequested => FileFailures.Unavailable(DefaultRetryAfter),
            _ => null,
        };
        return failure is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 said the credentials of {UserId} are bad ({ErrorCode})")]
    private static partial void LogS3RefusedCredentials(ILogger logger, string userId, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 call for {UserId} failed: {ErrorCode}")]
    private static partial void LogS3Failure(ILogger logger, string userId, string errorCode);
}
