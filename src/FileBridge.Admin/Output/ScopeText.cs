using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Output;

/// <summary>How the tool names a user's effective scope: "own: a/;b/", "groups: logs/", "own+groups: ...", "default: everything" or "none".</summary>
public static class ScopeText
{
    public static string Describe(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.GrantsNothing)
        {
            return "none";
        }

        var source = scope.FromDefaults ? "default"
            : scope.Grants.All(g => g.From == Grant.FromUser) ? "own"
            : scope.Grants.Any(g => g.From == Grant.FromUser) ? "own+groups"
            : "groups";
        return $"{source}: {What(scope)}";
    }

    /// <summary>A sentence for the operator after an add or a change of prefixes.</summary>
    public static string Sentence(string userId, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.FromDefaults)
        {
            return scope.GrantsNothing ? $"'{userId}' sees nothing." : $"'{userId}' sees {What(scope)}.";
        }

        return scope.GrantsNothing
            ? $"'{userId}' has no prefixes of their own and Files:DefaultPrefixes is empty, so they see nothing until you run "
              + $"'users set-prefixes {userId} <prefixes>' ('*' for everything)."
            : $"'{userId}' has no prefixes of their own, so they see Files:DefaultPrefixes: {What(scope)}.";
    }

    private static string What(AccessScope scope) => scope.IsEverything ? "everything" : PrefixList.Format(scope.Prefixes);
}
