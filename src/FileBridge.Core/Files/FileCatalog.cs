using System.Diagnostics;
using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FileBridge.Core.Files;

/// <summary>
/// Lists folders and hands out download links for a signed-in person: validates the query, asks the
/// <see cref="AccessPolicy"/> what may be read, and makes the call through the <see cref="S3Gateway"/>.
/// </summary>
public sealed partial class FileCatalog(
    AccessPolicy policy,
    S3Gateway s3,
    FileLocations locations,
    TimeProvider timeProvider,
    ILogger<FileCatalog> logger,
    FileBridgeMetrics? metrics = null)
{
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
            return FileFailures.Bad(keyCheck.Error!);
        }

        if (disposition is not (null or "" or "attachment" or "inline"))
        {
            return FileFailures.Bad("disposition must be 'attachment' or 'inline'.");
        }

        var access = policy.ForFile(user, validKey);
        if (access.Target is not { } target)
        {
            return access.Kind == PathAccessKind.NoSuchLocation ? FileFailures.NotFound() : FileFailures.Forbidden();
        }

        var name = S3Paths.LastSegment(validKey);
        var inlineType = disposition == "inline" ? PreviewTypes.ContentTypeOf(name) : null;
        var result = await s3.PresignAsync(target, name, inlineType, cancellationToken);
        if (result.Value is { } link)
        {
            LogLinkIssued(logger, user.Id, validKey, link.IsInline, link.ExpiresAt - timeProvider.GetUtcNow());
        }

        return result;
    }

    public Task<FileResult<DownloadLink>> GetDownloadLinkAsync(AuthenticatedUser user, string? key, CancellationToken cancellationToken) =>
        GetDownloadLinkAsync(user, key, null, cancellationToken);

    private async Task<FileResult<FileListing>> ListCoreAsync(AuthenticatedUser user, ListFilesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        var prefixCheck = S3Paths.NormalizePrefix(query.Prefix);
        if (prefixCheck.Value is not { } prefix)
        {
            return FileFailures.Bad(prefixCheck.Error!);
        }

        if (QueryLimit.Parse(query.Limit, ListFilesQuery.DefaultLimit) is not { } limit)
        {
            return FileFailures.Bad(QueryLimit.Error);
        }

        if (query.Cursor is { Length: 0 })
        {
            return FileFailures.Bad("cursor must not be empty; leave it out for the first page.");
        }

        var access = policy.ForFolder(user, prefix);
        switch (access.Kind)
        {
            case PathAccessKind.Forbidden:
                return FileFailures.Forbidden();
            case PathAccessKind.NoSuchLocation:
                return FileFailures.NotFound() with { Detail = "There is no such location." };
            case PathAccessKind.Folders:
                // Answered from configuration alone: one page, so no cursor belongs to it.
                return query.Cursor is not null
                    ? BadCursor()
                    : FileResult<FileListing>.Success(new FileListing(prefix, access.Folders!.Select(ToFolder).ToList(), [], null));
        }

        var target = access.Target!;
        string? continuationToken = null;
        if (query.Cursor is { } cursor && (continuationToken = ListingCursor.TryDecode(cursor, prefix)) is null)
        {
            return BadCursor();
        }

        var page = await s3.ListFolderAsync(target, limit, continuationToken, cancellationToken);
        if (page.Value is not { } response)
        {
            return page.Failure!.Kind == FileFailureKind.BadRequest && continuationToken is not null
                ? FileFailures.Bad("cursor is no longer valid; start from the first page.")
                : page.Failure;
        }

        var folders = (response.CommonPrefixes ?? []).Select(p => ToFolder(locations.ToPath(target.Location, p))).ToList();
        var files = (response.S3Objects ?? [])
            .Where(o => o.Key != target.Key) // the zero-byte "folder marker" some tools create
            .Select(o => FileEntries.Of(locations, target.Location, o, prefix))
            .ToList();
        var next = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken)
            ? ListingCursor.Encode(prefix, response.NextContinuationToken)
            : null;
        LogListed(logger, user.Id, prefix, folders.Count, files.Count);
        return FileResult<FileListing>.Success(new FileListing(prefix, folders, files, next));
    }

    private static FolderEntry ToFolder(string prefix) => new(prefix, S3Paths.LastSegment(prefix));

    private static FileFailure BadCursor() => FileFailures.Bad("cursor is not valid for this prefix.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {FolderCount} folders and {FileCount} files under {Prefix} for {UserId}")]
    private static partial void LogListed(ILogger logger, string userId, string prefix, int folderCount, int fileCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued a download link for {Key} to {UserId} (inline: {Inline}), valid for {Lifetime}")]
    private static partial void LogLinkIssued(ILogger logger, string userId, string key, bool inline, TimeSpan lifetime);
}
