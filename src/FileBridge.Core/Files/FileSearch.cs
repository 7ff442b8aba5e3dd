using Amazon.S3.Model;
using FileBridge.Core.Aws;
using FileBridge.Core.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Files;

/// <summary>
/// Finds files below a folder whose path (relative to it) contains a text. S3 cannot search, so this walks keys
/// without a delimiter, reading at most <see cref="FilesOptions.SearchScanLimit"/> keys per request and resuming
/// by cursor. The walk covers only what the person may read: their folder, or, searching above their grants, each
/// granted folder below it (each read with that location's scoped credentials).
/// </summary>
public sealed partial class FileSearch(
    FileCatalog catalog,
    AssumedRoleCache credentials,
    IOptions<FilesOptions> filesOptions,
    ILogger<FileSearch> logger)
{
    /// <summary>S3 returns at most this many keys per ListObjectsV2 call.</summary>
    private const int S3PageSize = 1000;

    private readonly ScopedS3Calls s3 = new(credentials, logger);

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

        if (FileCatalog.ParseLimit(query.Limit, SearchFilesQuery.DefaultLimit) is not { } limit)
        {
            return FileFailures.Bad($"limit must be a whole number from 1 to {ListFilesQuery.MaxLimit}.");
        }

        var roots = RootsOf(catalog.ScopeOf(user), prefix);
        if (roots.Count == 0)
        {
            return FileFailures.Forbidden();
        }

        var position = new SearchPosition(0, null);
        if (query.Cursor is not null)
        {
            if (SearchPosition.TryDecode(query.Cursor, prefix, text, roots.Count) is not { } decoded)
            {
                return FileFailures.Bad("cursor is not valid for this search.");
            }

            position = decoded;
        }

        return await WalkAsync(user, prefix, text, limit, roots, position, cancellationToken);
    }

    private async Task<FileResult<SearchResults>> WalkAsync(
        AuthenticatedUser user, string prefix, string text, int limit, IReadOnlyList<string> roots, SearchPosition position, CancellationToken cancellationToken)
    {
        var scope = catalog.ScopeOf(user);
        var budget = filesOptions.Value.SearchScanLimit;
        var matches = new List<FileEntry>();
        var scanned = 0;
        var (rootIndex, startAfter) = (position.Root, position.StartAfter);

        while (rootIndex < roots.Count)
        {
            if (catalog.Locations.Resolve(roots[rootIndex]) is not var (location, keyPrefix))
            {
                (rootIndex, startAfter) = (rootIndex + 1, null);
                continue;
            }

            var request = new ListObjectsV2Request
            {
                BucketName = location.Bucket,
                Prefix = keyPrefix,
                StartAfter = startAfter,
                MaxKeys = Math.Min(S3PageSize, budget - scanned),
            };
            var (response, failure) = await s3.CallAsync(
                catalog.Locations.RoleRequestFor(user.Id, scope, location), (session, ct) => session.S3.ListObjectsV2Async(request, ct), cancellationToken);
            if (response is null)
            {
                return failure!;
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

                var entry = catalog.ToEntry(location, o, prefix);
                if (entry.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    matches.Add(entry);
                    if (matches.Count == limit)
                    {
                        break;
                    }
                }
            }

            var pageDone = response.IsTruncated != true && (objects.Count == 0 || startAfter == objects[^1].Key);
            if (pageDone)
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

    /// <summary>
    /// The folders to walk, in order: the searched folder itself when the person may read all of it (at the root of
    /// several locations: each location), else each granted folder below it. Nothing when it leads to no grant.
    /// </summary>
    private List<string> RootsOf(AccessScope scope, string prefix)
    {
        if (scope.GrantsNothing)
        {
            return [];
        }

        var locations = catalog.Locations;
        if (scope.Allows(prefix))
        {
            return prefix.Length == 0 && locations.IsNamespaced ? locations.All.Select(locations.RootOf).ToList() : [prefix];
        }

        return scope.Prefixes
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && locations.Resolve(p) is not null)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Searched {Prefix} for {UserId}: {Scanned} keys read, {Matches} matches")]
    private static partial void LogSearched(ILogger logger, string userId, string prefix, int scanned, int matches);
}
