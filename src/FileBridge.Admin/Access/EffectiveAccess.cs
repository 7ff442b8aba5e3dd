using FileBridge.Admin.Hosting;
using FileBridge.Core.Files;
using FileBridge.Core.Groups;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Access;

/// <summary>
/// A user's effective grants as the app computes them, from the stored rows: own ∪ groups', defaults only when both
/// are empty. A stored grant whose own session policy could not fit grants nothing in the app, so it grants nothing here.
/// </summary>
public sealed class EffectiveAccess(IGroupStore groups, DefaultPrefixesSetting defaults, GrantLocations locations)
{
    /// <summary>Reads the user's groups (concurrently) and resolves the scope.</summary>
    public async Task<AccessScope> OfAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = await Task.WhenAll(user.Groups.Select(id => groups.FindAsync(id, cancellationToken)));
        return Of(user, rows.OfType<AccessGroup>().ToDictionary(g => g.Id, StringComparer.Ordinal));
    }

    /// <summary>The scope from groups already read (<c>users list</c> reads them all once).</summary>
    public AccessScope Of(UserAccount user, IReadOnlyDictionary<string, AccessGroup> groupsById)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groupsById);
        var lists = user.Groups
            .Select(id => groupsById.GetValueOrDefault(id))
            .OfType<AccessGroup>()
            .Select(g => new GrantList(Grant.FromGroup(g.Id), Fitting(g.Prefixes)))
            .ToList();
        return AccessScope.Resolve(user.Prefixes is { } own ? Fitting(own) : null, lists, defaults.Value);
    }

    private List<string> Fitting(IReadOnlyList<string> entries) =>
        entries.Where(e => PrefixGrant.Check(e.Trim()).Value is not { } prefix || locations.Fits(prefix)).ToList();
}
