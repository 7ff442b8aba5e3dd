using FileBridge.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Files;

/// <summary>
/// Finds files below a folder whose path (relative to it) contains a text. S3 cannot search, so this walks keys
/// without a delimiter, reading at most <see cref="FilesOptions.SearchScanLimit"/> keys per request and resuming
/// by cursor. The <see cref="AccessPolicy"/> decides which folders the walk covers; each is read with its own
/// scoped credentials.
/// </summary>
public sealed partial class FileSearch(
    AccessPolicy policy,
    S3Gateway s3,
    FileLocations locations,
    IOptions<FilesOptions> filesOptions,
    ILogger<FileSearch> logger)
{
    /// <summary>S3 returns at most this many keys per ListObjectsV2 call.</summary>
    private const int S3PageSize = 1000;

    public async Task<FileResult<SearchResults>> SearchAsync(AuthenticatedUser user, SearchFilesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        var prefixCheck = S3Paths.NormalizePrefix(query.Prefix);
        if (prefixCheck.Value is not { } prefix)
        {
            return FileFailures.Bad(prefixCheck.Error!);
        }

        var text = query.Query?.Trim() ?? "";
        if (text.Length is 0 or > SearchFilesQuery.MaxQueryLength)
        {
            return FileFailures.Bad($"q must be 1 to {SearchFilesQuery.MaxQueryLength} characters.");
        }

        if (QueryLimit.Parse(query.Limit, SearchFilesQuery.DefaultLimit) is not { } limit)
        {
            return FileFailures.Bad(QueryLimit.Error);
        }

        if (policy.ForSearch(user, prefix) is not { } roots)
        {
            return FileFailures.Forbidden();
        }

        var position = new SearchPosition(0, null);
        if (query.Cursor is not null && (position = SearchPosition.TryDecode(query.Cursor, prefix, text, roots.Count)) is null)
        {
            return FileFailures.Bad("cursor is not valid for this search.");
        }

        return await WalkAsync(user, prefix, text, limit, roots, position, cancellationToken);
    }

    private async Task<FileResult<SearchResults>> WalkAsync(
        AuthenticatedUser user, string prefix, string text, int limit, IReadOnlyList<ReadTarget> roots, SearchPosition position, CancellationToken cancellationToken)
    {
        var budget = filesOptions.Value.SearchScanLimit;
        var matches = new List<FileEntry>();
        var scanned = 0;
        var (rootIndex, startAfter) = (position.Root, position.StartAfter);

        while (rootIndex < roots.Count)
        {
            var root = roots[rootIndex];
            var page = await s3.ListKeysAsync(root, startAfter, Math.Min(S3PageSize, budget - scanned), cancellationToken);
            if (page.Value is not { } response)
            {
                return page.Failure!;
            }

            var objects = response.S3Objects ?? [];
            foreach (var o in objects)
            {
                scanned++;
                startAfter = o.Key;
                if (o.Key.EndsWith('/'))
                {
                    continue; // a folder marker, not a file
                }

                var entry = FileEntries.Of(locations, root.Location, o, prefix);
                if (entry.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    matches.Add(entry);
                    if (matches.Count == limit)
                    {
                        break;
                    }
                }
            }

            if (response.IsTruncated != true && (objects.Count == 0 || startAfter == objects[^1].Key))
            {
                (rootIndex, startAfter) = (rootIndex + 1, null);
            }

            if (matches.Count == limit || scanned >= budget)
            {
                break;
            }
        }

        var next = rootIndex < roots.Count ? new SearchPosition(rootIndex, startAfter).Encode(prefix, text) : null;
        LogSearched(logger, user.Id, prefix, scanned, matches.Count);
        return FileResult<SearchResults>.Success(new SearchResults(prefix, text, matches, scanned, next));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Searched {Prefix} for {UserId}: {Scanned} keys read, {Matches} matches")]
    private static partial void LogSearched(ILogger logger, string userId, string prefix, int scanned, int matches);
}
