using System.Diagnostics.CodeAnalysis;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Files;

/// <summary>
/// Every S3 call the app makes: one listing page, one page of a key walk, a download link, the readiness read. Each
/// runs with the cached credentials of its <see cref="ReadTarget"/> and maps what can go wrong to a
/// <see cref="FileFailure"/>: bad credentials are thrown away and the call tried once more (the cache limits how
/// often), outages are "unavailable", a missing object is "not found".
/// </summary>
public sealed partial class S3Gateway(
    AssumedRoleCache credentials,
    IOptions<FilesOptions> filesOptions,
    IOptions<AwsOptions> awsOptions,
    TimeProvider timeProvider,
    ILogger<S3Gateway> logger,
    PolicyPackSplits? splits = null)
{
    private const string Delimiter = "/";

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>One page of a folder: files and, by the '/' delimiter, its sub-folders.</summary>
    public Task<FileResult<ListObjectsV2Response>> ListFolderAsync(ReadTarget target, int maxKeys, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = new ListObjectsV2Request
        {
            BucketName = target.Location.Bucket,
            Prefix = target.Key,
            Delimiter = Delimiter,
            MaxKeys = maxKeys,
            ContinuationToken = continuationToken,
        };
        return CallAsync(target, (session, ct) => session.S3.ListObjectsV2Async(request, ct), cancellationToken);
    }

    /// <summary>One page of every key below the target, without a delimiter, continuing after <paramref name="startAfter"/>.</summary>
    public Task<FileResult<ListObjectsV2Response>> ListKeysAsync(ReadTarget target, string? startAfter, int maxKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = new ListObjectsV2Request
        {
            BucketName = target.Location.Bucket,
            Prefix = target.Key,
            StartAfter = startAfter,
            MaxKeys = maxKeys,
        };
        return CallAsync(target, (session, ct) => session.S3.ListObjectsV2Async(request, ct), cancellationToken);
    }

    /// <summary>
    /// A presigned GET of the target's key, valid for <c>Files:DownloadUrlLifetime</c> or until the credentials end,
    /// whichever comes first.
    /// </summary>
    /// <param name="target">The object.</param>
    /// <param name="fileName">The name the browser saves or shows it under.</param>
    /// <param name="inlineType">The safe Content-Type to show it inline with; null for an attachment.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public Task<FileResult<DownloadLink>> PresignAsync(ReadTarget target, string fileName, string? inlineType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CallAsync(target, (session, ct) => CreateLinkAsync(session, target, fileName, inlineType, ct), cancellationToken);
    }

    /// <summary>
    /// Reads the target the way a person would: one page of its keys and the first byte of one file. The read is what
    /// proves the role may decrypt a KMS-encrypted bucket: a listing alone would pass without it.
    /// </summary>
    /// <returns>Null when reading works; else why not.</returns>
    public async Task<FileFailure?> ProbeAsync(ReadTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = await CallAsync(target, async (session, ct) =>
        {
            var page = await session.S3.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = target.Location.Bucket, Prefix = target.Key, MaxKeys = 20 }, ct);
            // Folder markers and empty files cannot be read by range; any other file shows whether reading works.
            if (page.S3Objects?.FirstOrDefault(o => o.Size > 0) is { } file)
            {
                using var first = await session.S3.GetObjectAsync(
                    new GetObjectRequest { BucketName = target.Location.Bucket, Key = file.Key, ByteRange = new ByteRange(0, 0) }, ct);
            }

            return page;
        }, cancellationToken);
        return result.Failure;
    }

    private async Task<FileResult<T>> CallAsync<T>(
        ReadTarget target, Func<AssumedRoleSession, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        var roleRequest = target.Credentials;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (acquired, used) = await AcquireCoveringAsync(roleRequest, target.Key, cancellationToken);
                using var lease = acquired;
                roleRequest = used;
                try
                {
                    var response = await call(lease.Session, cancellationToken);
                    lease.Session.MarkWorked();
                    return FileResult<T>.Success(response);
                }
                catch (AmazonServiceException e) when (BadCredentials.Indicate(e, lease.Session.HasWorked))
                {
                    // AWS says the credentials themselves are bad (expired early, revoked): fetch new ones and try
                    // once more. The cache allows that once a minute per user and scope, whatever the requests.
                    LogS3RefusedCredentials(logger, roleRequest.SessionName, e.ErrorCode);
                    if (attempt == 1 && credentials.InvalidateBadCredentials(roleRequest, lease.Session))
                    {
                        continue;
                    }

                    return new FileFailure(FileFailureKind.Unavailable, "The file store refused FileBridge's credentials.", DefaultRetryAfter);
                }
            }
            catch (Exception e) when (TryClassify(e, cancellationToken, out var failure))
            {
                if (failure.Kind == FileFailureKind.Unavailable)
                {
                    LogS3Failure(logger, roleRequest.SessionName, (e as AmazonServiceException)?.ErrorCode ?? e.GetType().Name);
                }

                return failure;
            }
        }
    }

    /// <summary>
    /// Credentials for <paramref name="request"/>; when AWS refuses its policy for its packed size, the pack is
    /// remembered as too large (later requests get it split) and the half covering <paramref name="key"/> is asked for,
    /// down to a single grant.
    /// </summary>
    private async Task<(AssumedRoleLease Lease, RoleRequest Request)> AcquireCoveringAsync(RoleRequest request, string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return (await credentials.AcquireAsync(request, cancellationToken), request);
            }
            catch (UpstreamUnavailableException e) when (RoleRequest.IsPackedPolicyTooLarge(e) && request.HalfCovering(key) is { } half)
            {
                LogPackSplit(logger, request.SessionName, request.Prefixes.Count);
                splits?.Refused(request);
                request = half;
            }
        }
    }

    private async Task<DownloadLink> CreateLinkAsync(
        AssumedRoleSession session, ReadTarget target, string fileName, string? inlineType, CancellationToken cancellationToken)
    {
        var bucket = target.Location.Bucket;
        // HEAD first so a missing key is a 404 here rather than a link that fails in the browser. Without
        // s3:ListBucket on the key, S3 answers a missing key with 403 and no body: for a key in the person's scope
        // that is "no such file", and it says nothing about the credentials.
        try
        {
            await session.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = target.Key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden && !BadCredentials.Indicate(e, session.HasWorked))
        {
            throw new HiddenObjectException(e);
        }

        var now = timeProvider.GetUtcNow();
        var lifetime = TimeSpan.FromTicks(Math.Min(filesOptions.Value.DownloadUrlLifetime.Ticks, (session.ExpiresAt - now).Ticks));
        var expiresAt = now + lifetime;
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = target.Key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = awsOptions.Value.ServiceUrl is { Scheme: "http" } ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (inlineType is null)
        {
            request.ResponseHeaderOverrides.ContentDisposition = AttachmentDisposition.For(fileName);
        }
        else
        {
            // Both headers are signed into the URL, so whoever holds the link cannot change them, and the stored
            // Content-Type of the object (set by whoever uploaded it) never reaches the browser.
            request.ResponseHeaderOverrides.ContentDisposition = AttachmentDisposition.Inline(fileName);
            request.ResponseHeaderOverrides.ContentType = inlineType;
        }

        var url = await session.S3.GetPreSignedURLAsync(request);
        return new DownloadLink(new Uri(url), expiresAt, inlineType is not null);
    }

    private static bool TryClassify(Exception e, CancellationToken cancellationToken, [NotNullWhen(true)] out FileFailure? failure)
    {
        failure = e switch
        {
            UpstreamUnavailableException unavailable =>
                FileFailures.Unavailable(unavailable.RetryAfter),
            HiddenObjectException =>
                FileFailures.NotFound(),
            AmazonServiceException { StatusCode: HttpStatusCode.NotFound } notFound when notFound.ErrorCode != "NoSuchBucket" =>
                FileFailures.NotFound(),
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "STS refused the session policy of session {SessionName} ({Count} grants) as PackedPolicyTooLarge; splitting the pack")]
    private static partial void LogPackSplit(ILogger logger, string sessionName, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 said the credentials of session {SessionName} are bad ({ErrorCode})")]
    private static partial void LogS3RefusedCredentials(ILogger logger, string sessionName, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 call for session {SessionName} failed: {ErrorCode}")]
    private static partial void LogS3Failure(ILogger logger, string sessionName, string errorCode);
}
