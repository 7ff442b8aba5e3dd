using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FileBridge.Core.Aws;
using System.Diagnostics;
using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Files;

/// <summary>
/// Lists folders and hands out download links for a signed-in user, with that user's assumed-role credentials.
/// Every input is validated and checked against the user's prefixes before any AWS call; the session policy
/// on the credentials enforces the same limits again on the AWS side.
/// </summary>
public sealed partial class FileCatalog(
    AssumedRoleCache credentials,
    IOptions<FilesOptions> filesOptions,
    IOptions<AwsOptions> awsOptions,
    TimeProvider timeProvider,
    ILogger<FileCatalog> logger,
    FileBridgeMetrics? metrics = null)
{
    private const string Delimiter = "/";
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public async Task<FileResult<FileListing>> ListAsync(AuthenticatedUser user, ListFilesQuery query, CancellationToken cancellationToken)
    {
        using var activity = FileBridgeActivities.Source.StartActivity("FileBridge list");
        var started = timeProvider.GetTimestamp();
        var result = await ListCoreAsync(user, query, cancellationToken);
        var outcome = result.Failure is { } failure ? failure.Kind.ToString().ToLowerInvariant() : "ok";
        metrics?.ListDuration(timeProvider.GetElapsedTime(started), outcome);
        activity?.SetTag("filebridge.outcome", outcome);
        if (result.Failure is { Kind: FileFailureKind.Unavailable })
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }

        return result;
    }

    private async Task<FileResult<FileListing>> ListCoreAsync(AuthenticatedUser user, ListFilesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);

        var prefixCheck = S3Paths.NormalizePrefix(query.Prefix);
        if (prefixCheck.Value is not { } prefix)
        {
            return Bad(prefixCheck.Error!);
        }

        if (ParseLimit(query.Limit) is not { } limit)
        {
            return Bad($"limit must be a whole number from 1 to {ListFilesQuery.MaxLimit}.");
        }

        if (query.Cursor is { Length: 0 })
        {
            return Bad("cursor must not be empty; leave it out for the first page.");
        }

        var scope = ScopeOf(user);
        if (scope.GrantsNothing)
        {
            return NothingGranted(prefix, query.Cursor);
        }

        if (!scope.Allows(prefix))
        {
            return ListTowardsAllowed(scope, prefix, query.Cursor);
        }

        string? continuationToken = null;
        if (query.Cursor is { } cursor && (continuationToken = ListingCursor.TryDecode(cursor, prefix)) is null)
        {
            return Bad("cursor is not valid for this prefix.");
        }

        var request = new ListObjectsV2Request
        {
            BucketName = filesOptions.Value.Bucket,
            Prefix = prefix,
            Delimiter = Delimiter,
            MaxKeys = limit,
            ContinuationToken = continuationToken,
        };
        var (response, failure) = await CallS3Async(user, scope, (session, ct) => session.S3.ListObjectsV2Async(request, ct), cancellationToken);
        if (response is null)
        {
            return failure!.Kind == FileFailureKind.BadRequest && continuationToken is not null
                ? Bad("cursor is no longer valid; start from the first page.")
                : failure!;
        }

        var folders = (response.CommonPrefixes ?? [])
            .Select(p => new FolderEntry(p, S3Paths.LastSegment(p)))
            .ToList();
        var files = (response.S3Objects ?? [])
            .Where(o => o.Key != prefix) // the zero-byte "folder marker" some tools create
            .Select(o => new FileEntry(o.Key, o.Key[prefix.Length..], o.Size ?? 0, ToOffset(o.LastModified)))
            .ToList();
        var next = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken)
            ? ListingCursor.Encode(prefix, response.NextContinuationToken)
            : null;
        LogListed(logger, user.Id, prefix, folders.Count, files.Count);
        return FileResult<FileListing>.Success(new FileListing(prefix, folders, files, next));
    }

    public async Task<FileResult<DownloadLink>> GetDownloadLinkAsync(AuthenticatedUser user, string? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        var keyCheck = S3Paths.ValidateKey(key);
        if (keyCheck.Value is not { } validKey)
        {
            return Bad(keyCheck.Error!);
        }

        var scope = ScopeOf(user);
        if (!scope.Allows(validKey))
        {
            return Forbidden();
        }

        var (link, failure) = await CallS3Async(user, scope, (session, ct) => CreateLinkAsync(session, validKey, ct), cancellationToken);
        if (link is null)
        {
            return failure!;
        }

        LogLinkIssued(logger, user.Id, validKey, link.ExpiresAt - timeProvider.GetUtcNow());
        return FileResult<DownloadLink>.Success(link);
    }

    /// <summary>The user's own prefixes, else the configured defaults; nothing when both are empty.</summary>
    public AccessScope ScopeOf(AuthenticatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return UserScope.Resolve(user.OwnPrefixes, filesOptions.Value.DefaultPrefixes).Scope;
    }

    internal static int? ParseLimit(string? limit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return ListFilesQuery.DefaultLimit;
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= ListFilesQuery.MaxLimit
            ? value
            : null;
    }

    private async Task<DownloadLink> CreateLinkAsync(AssumedRoleSession session, string key, CancellationToken cancellationToken)
    {
        var bucket = filesOptions.Value.Bucket;

        // HEAD first so a missing key is a 404 here rather than a link that fails in the browser. Without
        // s3:ListBucket on the key, S3 answers a missing key with 403 and no body: for a key in the person's scope
        // that is "no such file", and it says nothing about the credentials.
        try
        {
            await session.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Forbidden && !BadCredentials.Indicate(e, session.HasWorked))
        {
            throw new HiddenObjectException(e);
        }

        var now = timeProvider.GetUtcNow();
        var lifetime = TimeSpan.FromTicks(Math.Min(filesOptions.Value.DownloadUrlLifetime.Ticks, (session.ExpiresAt - now).Ticks));
        var expiresAt = now + lifetime;
        var url = await session.S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = awsOptions.Value.ServiceUrl is { Scheme: "http" } ? Protocol.HTTP : Protocol.HTTPS,
            ResponseHeaderOverrides = { ContentDisposition = AttachmentDisposition.For(S3Paths.LastSegment(key)) },
        });
        return new DownloadLink(new Uri(url), expiresAt);
    }

    private static FileResult<FileListing> NothingGranted(string prefix, string? cursor)
    {
        // Someone with no grant at all signs in to an empty root, not an error page: the web page then says plainly
        // that they have no access and whom to ask. Any other folder is outside their scope.
        if (prefix.Length != 0)
        {
            return Forbidden();
        }

        return cursor is null
            ? FileResult<FileListing>.Success(new FileListing(prefix, [], [], null))
            : Bad("cursor is not valid for this prefix.");
    }

    private static FileResult<FileListing> ListTowardsAllowed(AccessScope scope, string prefix, string? cursor)
    {
        // Folders above the user's own prefixes (e.g. "" and "home/" for "home/alice/") are answered from the
        // configuration alone: the session policy would refuse the S3 listing, and the user should still be able
        // to click their way down from the root.
        var folders = scope.FoldersLeadingFrom(prefix);
        if (folders.Count == 0)
        {
            return Forbidden();
        }

        if (cursor is not null)
        {
            return Bad("cursor is not valid for this prefix.");
        }

        var entries = folders.Select(p => new FolderEntry(p, S3Paths.LastSegment(p))).ToList();
        return FileResult<FileListing>.Success(new FileListing(prefix, entries, [], null));
    }

    private async Task<(T? Response, FileFailure? Failure)> CallS3Async<T>(
        AuthenticatedUser user, AccessScope scope, Func<AssumedRoleSession, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        if (scope.GrantsNothing)
        {
            return (null, Forbidden());
        }

        var roleRequest = RoleRequestOf(user, scope);
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
                    LogS3RefusedCredentials(logger, user.Id, e.ErrorCode);
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
                    LogS3Failure(logger, user.Id, (e as AmazonServiceException)?.ErrorCode ?? e.GetType().Name);
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
                Unavailable(unavailable.RetryAfter),
            HiddenObjectException =>
                new FileFailure(FileFailureKind.NotFound, "There is no such file."),
            AmazonServiceException { StatusCode: HttpStatusCode.NotFound } notFound when notFound.ErrorCode != "NoSuchBucket" =>
                new FileFailure(FileFailureKind.NotFound, "There is no such file."),
            AmazonServiceException { ErrorCode: "InvalidArgument" } invalid when !AwsFaultClassifier.IsTransient(invalid, cancellationToken) =>
                new FileFailure(FileFailureKind.BadRequest, "The file store refused the request."),
            // Anything else from S3 (outage after the SDK's retries, timeouts, unexpected refusals, an answer the
            // SDK cannot parse) is not the user's fault.
            AmazonServiceException or AmazonClientException or HttpRequestException or IOException or System.Xml.XmlException =>
                Unavailable(DefaultRetryAfter),
            OperationCanceledException when !cancellationToken.IsCancellationRequested => Unavailable(DefaultRetryAfter),
            _ => null,
        };
        return failure is not null;
    }

    private static RoleRequest RoleRequestOf(AuthenticatedUser user, AccessScope scope) => new(user.Id, scope.Prefixes);

    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;

    private static FileFailure Bad(string detail) => new(FileFailureKind.BadRequest, detail);

    private static FileFailure Unavailable(TimeSpan retryAfter) =>
        new(FileFailureKind.Unavailable, "The file store cannot be reached right now.", retryAfter);

    private static FileFailure Forbidden() =>
        new FileFailure(FileFailureKind.Forbidden, "This folder or file is outside the prefixes you may see.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {FolderCount} folders and {FileCount} files under {Prefix} for {UserId}")]
    private static partial void LogListed(ILogger logger, string userId, string prefix, int folderCount, int fileCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a download link for {Key} to {UserId}, valid for {Lifetime}")]
    private static partial void LogLinkIssued(ILogger logger, string userId, string key, TimeSpan lifetime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 said the credentials of {UserId} are bad ({ErrorCode})")]
    private static partial void LogS3RefusedCredentials(ILogger logger, string userId, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 call for {UserId} failed: {ErrorCode}")]
    private static partial void LogS3Failure(ILogger logger, string userId, string errorCode);
}
