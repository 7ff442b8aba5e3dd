using FileBridge.Core.Aws;
using FileBridge.Core.Sessions;
using Microsoft.Extensions.Options;

namespace FileBridge.Core.Files;

/// <summary>
/// Turns a person's grants into decisions: which folders and files they may read, what they see on the way down to
/// their grants, which folders a search walks, and the scoped credentials each read uses. Every decision is taken
/// here, before any AWS call; the session policy on the credentials enforces the same limits again on AWS's side.
/// </summary>
public sealed class AccessPolicy(FileLocations locations, IOptions<FilesOptions> filesOptions, PolicyPackSplits? splits = null)
{
    private readonly SessionPolicyPackMemo _packs = new();

    /// <summary>The person's effective grants (see <see cref="AccessScope.Resolve"/>).</summary>
    public AccessScope ScopeOf(AuthenticatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AccessScope.Resolve(user.OwnPrefixes, user.GroupGrants, filesOptions.Value.DefaultPrefixes);
    }

    /// <summary>
    /// Whether <paramref name="user"/> may read <paramref name="path"/> (a normalized key or folder prefix), with the
    /// grant that allows it, or the nearest grants when not. The admin tool's <c>access explain</c> builds the scope
    /// from the stored rows (<see cref="AccessScope.Of"/>) and asks <see cref="AccessScope.Decide"/> the same way.
    /// </summary>
    public AccessDecision Explain(AuthenticatedUser user, string path) => ScopeOf(user).Decide(path);

    /// <summary>What a listing of <paramref name="prefix"/> (a normalized folder prefix) shows.</summary>
    public PathAccess ForFolder(AuthenticatedUser user, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var scope = ScopeOf(user);
        if (scope.GrantsNothing)
        {
            // Someone with no grant at all signs in to an empty root, not an error page: the web page then says plainly
            // that they have no access and whom to ask. Any other folder is outside their scope.
            return prefix.Length == 0 ? PathAccess.ShowFolders([]) : PathAccess.Forbidden;
        }

        if (prefix.Length == 0 && locations.IsNamespaced)
        {
            // The root of the namespace is the configured locations: those the person may see all of, or some folder in.
            return PathAccess.ShowFolders(locations.All
                .Select(locations.RootOf)
                .Where(root => scope.Allows(root) || scope.FoldersLeadingFrom(root).Count > 0)
                .ToList());
        }

        if (!scope.Allows(prefix))
        {
            // Folders above the person's own grants (e.g. "" and "home/" for "home/alice/"): the user should still be
            // able to click their way down from the root.
            var folders = scope.FoldersLeadingFrom(prefix);
            return folders.Count == 0 ? PathAccess.Forbidden : PathAccess.ShowFolders(folders);
        }

        return ReadAccess(user, scope, prefix);
    }

    /// <summary>Whether a file may be downloaded, and with which credentials.</summary>
    public PathAccess ForFile(AuthenticatedUser user, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var scope = ScopeOf(user);
        return scope.Allows(key) ? ReadAccess(user, scope, key) : PathAccess.Forbidden;
    }

    /// <summary>
    /// The folders a search below <paramref name="prefix"/> walks, in order: the folder itself when the person may read
    /// all of it (at the root of several locations: each location), else each granted folder below it. Null when the
    /// search leads to no grant.
    /// </summary>
    public IReadOnlyList<ReadTarget>? ForSearch(AuthenticatedUser user, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var scope = ScopeOf(user);
        if (scope.GrantsNothing)
        {
            return null;
        }

        List<string> roots;
        if (scope.Allows(prefix))
        {
            roots = prefix.Length == 0 && locations.IsNamespaced ? locations.All.Select(locations.RootOf).ToList() : [prefix];
        }
        else
        {
            roots = scope.Prefixes.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && locations.Resolve(p) is not null).ToList();
            if (roots.Count == 0)
            {
                return null;
            }
        }

        return roots
            .Select(root => ReadAccess(user, scope, root).Target)
            .OfType<ReadTarget>()
            .ToList();
    }

    /// <summary>
    /// The credentials to ask for when <paramref name="userId"/> reads <paramref name="key"/> in
    /// <paramref name="location"/>: that location's role, with the session policy of the pack (see
    /// <see cref="PacksFor"/>) whose grants cover the key. Without a key: the first pack (the only one when the
    /// grants fit in one). Null when the grants reach nothing there, or when the grant covering the key cannot fit a
    /// session policy, so no call is ever made with credentials wider than the grants.
    /// </summary>
    public RoleRequest? CredentialsFor(string userId, AccessScope scope, FileLocation location, string? key = null)
    {
        var packs = PacksFor(userId, scope, location);
        return key is null || packs is [{ Prefixes.Count: 0 }]
            ? packs.FirstOrDefault()
            : packs.FirstOrDefault(p => p.Prefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Every set of credentials <paramref name="userId"/>'s grants in <paramref name="location"/> need: one for the
    /// whole location, or one per pack of key prefixes whose session policy fits (<see cref="SessionPolicyPacks"/>,
    /// remembered by <see cref="SessionPolicyPackMemo"/>). Empty when the grants reach nothing there.
    /// </summary>
    public IReadOnlyList<RoleRequest> PacksFor(string userId, AccessScope scope, FileLocation location)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(location);
        var root = locations.RootOf(location);
        if (scope.Allows(root))
        {
            // The whole location: for a subtree that is still a prefix of the bucket, and the policy must say so.
            return [new RoleRequest(userId, location.Prefix.Length == 0 ? [] : [location.Prefix], location)];
        }

        var keyPrefixes = scope.Prefixes
            .Where(p => p.Length > root.Length && p.StartsWith(root, StringComparison.Ordinal))
            .Select(p => location.Prefix + p[root.Length..])
            .ToList();
        return _packs.Pack(location, keyPrefixes, splits)
            .Select(pack => new RoleRequest(userId, pack, location))
            .ToList();
    }

    private PathAccess ReadAccess(AuthenticatedUser user, AccessScope scope, string path)
    {
        if (locations.Resolve(path) is not var (location, key))
        {
            return PathAccess.NoSuchLocation;
        }

        return CredentialsFor(user.Id, scope, location, key) is { } credentials
            ? PathAccess.Read(new ReadTarget(location, key, credentials))
            : PathAccess.Forbidden;
    }
}
