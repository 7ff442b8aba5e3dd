using System.Globalization;
using System.Net;
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
/// Lists folders and hands out download links for a signed-in user, with that user's assumed-role credentials for the
/// location the path lies in. Every input is validated and checked against the user's grants before any AWS call; the
/// session policy on the credentials enforces the same limits again on the AWS side.
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

    private readonly ScopedS3Calls s3 = new(credentials, logger);
    private FileLocations? locations;

    /// <summary>The configured locations and the namespace they make.</summary>
    public FileLocations Locations => locations ??= FileLocations.From(filesOptions.Value, awsOptions.Value);

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

        if (ParseLimit(query.Limit, ListFilesQuery.DefaultLimit) is not { } limit)
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

        if (prefix.Length == 0 && Locations.IsNamespaced)
        {
            return ListLocations(scope, query.Cursor);
        }

        if (!scope.Allows(prefix))
        {
            return ListTowardsAllowed(scope, prefix, query.Cursor);
        }

        if (Locations.Resolve(prefix) is not var (location, keyPrefix))
        {
            return FileFailures.NotFound() with { Detail = "There is no such location." };
        }

        string? continuationToken = null;
        if (query.Cursor is { } cursor && (continuationToken = ListingCursor.TryDecode(cursor, prefix)) is null)
        {
            return Bad("cursor is not valid for this prefix.");
        }

        var request = new ListObjectsV2Request
        {
            BucketName = location.Bucket,
            Prefix = keyPrefix,
            Delimiter = Delimiter,
            MaxKeys = limit,
            ContinuationToken = continuationToken,
        };
        var (response, failure) = await s3.CallAsync(
            Locations.RoleRequestFor(user.Id, scope, location), (session, ct) => session.S3.ListObjectsV2Async(request, ct), cancellationToken);
        if (response is null)
        {
            return failure!.Kind == FileFailureKind.BadRequest && continuationToken is not null
                ? Bad("cursor is no longer valid; start from the first page.")
                : failure!;
        }

        var folders = (response.CommonPrefixes ?? [])
            .Select(p => Locations.ToPath(location, p))
            .Select(p => new FolderEntry(p, S3Paths.LastSegment(p)))
            .ToList();
        var files = (response.S3Objects ?? [])
            .Where(o => o.Key != keyPrefix) // the zero-byte "folder marker" some tools create
            .Select(o => ToEntry(location, o, prefix))
            .ToList();
        var next = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken)
            ? ListingCursor.Encode(prefix, response.NextContinuationToken)
            : null;
        LogListed(logger, user.Id, prefix, folders.Count, files.Count);
        return FileResult<FileListing>.Success(new FileListing(prefix, folders, files, next));
    }

    public Task<FileResult<DownloadLink>> GetDownloadLinkAsync(AuthenticatedUser user, string? key, CancellationToken cancellationToken) =>
        GetDownloadLinkAsync(user, key, null, cancellationToken);

    /// <param name="user">The signed-in user.</param>
    /// <param name="key">The file's path in the namespace.</param>
    /// <param name="disposition">"attachment" (or absent) to download; "inline" to show it when its type is safe to show.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public async Task<FileResult<DownloadLink>> GetDownloadLinkAsync(AuthenticatedUser user, string? key, string? disposition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        var keyCheck = S3Paths.ValidateKey(key);
        if (keyCheck.Value is not { } validKey)
        {
            return Bad(keyCheck.Error!);
        }

        if (disposition is not (null or "" or "attachment" or "inline"))
        {
            return Bad("disposition must be 'attachment' or 'inline'.");
        }

        var scope = ScopeOf(user);
        if (!scope.Allows(validKey))
        {
            return Forbidden();
        }

        if (Locations.Resolve(validKey) is not var (location, s3Key))
        {
            return FileFailures.NotFound();
        }

        var name = S3Paths.LastSegment(validKey);
        var inlineType = disposition == "inline" ? PreviewTypes.ContentTypeOf(name) : null;
        var (link, failure) = await s3.CallAsync(
            Locations.RoleRequestFor(user.Id, scope, location),
            (session, ct) => CreateLinkAsync(session, location.Bucket, s3Key, name, inlineType, ct),
            cancellationToken);
        if (link is null)
        {
            return failure!;
        }

        LogLinkIssued(logger, user.Id, validKey, link.IsInline, link.ExpiresAt - timeProvider.GetUtcNow());
        return FileResult<DownloadLink>.Success(link);
    }

    /// <summary>The user's own prefixes, else the configured defaults; nothing when both are empty.</summary>
    public AccessScope ScopeOf(AuthenticatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return UserScope.Resolve(user.OwnPrefixes, filesOptions.Value.DefaultPrefixes).Scope;
    }

    internal static int? ParseLimit(string? limit) => ParseLimit(limit, ListFilesQuery.DefaultLimit);

    internal static int? ParseLimit(string? limit, int defaultLimit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return defaultLimit;
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= ListFilesQuery.MaxLimit
            ? value
            : null;
    }

    internal FileEntry ToEntry(FileLocation location, S3Object o, string relativeTo)
    {
        var path = Locations.ToPath(location, o.Key);
        var previewable = PreviewTypes.ContentTypeOf(S3Paths.LastSegment(path)) is not null;
        return new FileEntry(path, path[relativeTo.Length..], o.Size ?? 0, ToOffset(o.LastModified), previewable);
    }

    private async Task<DownloadLink> CreateLinkAsync(
        AssumedRoleSession session, string bucket, string key, string name, string? inlineType, CancellationToken cancellationToken)
    {
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
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = awsOptions.Value.ServiceUrl is { Scheme: "http" } ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (inlineType is null)
        {
            request.ResponseHeaderOverrides.ContentDisposition = AttachmentDisposition.For(name);
        }
        else
        {
            // Both headers are signed into the URL, so whoever holds the link cannot change them, and the stored
            // Content-Type of the object (set by whoever uploaded it) never reaches the browser.
            request.ResponseHeaderOverrides.ContentDisposition = AttachmentDisposition.Inline(name);
            request.ResponseHeaderOverrides.ContentType = inlineType;
        }

        var url = await session.S3.GetPreSignedURLAsync(request);
        return new DownloadLink(new Uri(url), expiresAt, inlineType is not null);
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

    private FileResult<FileListing> ListLocations(AccessScope scope, string? cursor)
    {
        // The root of the namespace is the configured locations, answered from configuration alone: those the person
        // may see all of, or some folder in.
        if (cursor is not null)
        {
            return Bad("cursor is not valid for this prefix.");
        }

        var entries = Locations.All
            .Select(Locations.RootOf)
            .Where(root => scope.Allows(root) || scope.FoldersLeadingFrom(root).Count > 0 || scope.Prefixes.Contains(root))
            .Select(root => new FolderEntry(root, S3Paths.LastSegment(root)))
            .ToList();
        return FileResult<FileListing>.Success(new FileListing("", entries, [], null));
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

    internal static DateTimeOffset? ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;

    private static FileFailure Bad(string detail) => FileFailures.Bad(detail);

    private static FileFailure Forbidden() => FileFailures.Forbidden();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {FolderCount} folders and {FileCount} files under {Prefix} for {UserId}")]
    private static partial void LogListed(ILogger logger, string userId, string prefix, int folderCount, int fileCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a download link for {Key} to {UserId} (inline: {Inline}), valid for {Lifetime}")]
    private static partial void LogLinkIssued(ILogger logger, string userId, string key, bool inline, TimeSpan lifetime);
}
