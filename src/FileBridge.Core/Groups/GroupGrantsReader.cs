using FileBridge.Core.Files;
using FileBridge.Core.Sessions;
using FileBridge.Core.Users;

namespace FileBridge.Core.Groups;

/// <summary>
/// The grants a user gets from their groups: one <see cref="GrantList"/> per group row that exists (a group named in
/// the <c>Groups</c> column but deleted grants nothing). Rows are read concurrently, each at most once per
/// <see cref="SessionsOptions.RevalidateAfter"/> per instance when read through the session check cache.
/// </summary>
public sealed class GroupGrantsReader(IGroupStore groups)
{
    /// <summary>Reads every group row from the table (the admin tool: always the stored truth).</summary>
    public async Task<IReadOnlyList<GrantList>> OfAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rows = await Task.WhenAll(user.Groups.Select(id => groups.FindAsync(id, cancellationToken)));
        return ToLists(rows);
    }

    /// <summary>Reads the group rows through <paramref name="cache"/> (a session check: at most once per window).</summary>
    public async Task<IReadOnlyList<GrantList>> OfAsync(UserAccount user, SessionCheckCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(cache);
        if (user.Groups.Count == 0)
        {
            return [];
        }

        var rows = await Task.WhenAll(user.Groups.Select(id => cache.FindGroupAsync(id, ct => groups.FindAsync(id, ct), fresh: false, cancellationToken)));
        return ToLists(rows);
    }

    public static IReadOnlyList<GrantList> ToLists(IEnumerable<AccessGroup?> rows) =>
        rows.OfType<AccessGroup>().Select(g => new GrantList(Grant.FromGroup(g.Id), g.Prefixes)).ToList();
}
