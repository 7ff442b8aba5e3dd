using FileBridge.Admin.Cli;
using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Input;

/// <summary>
/// Turns a ';'-separated prefix list from the command line into what the app grants: <c>*</c> alone, or folder
/// prefixes. The app would silently grant nothing for an entry it cannot grant; the operator should hear about it here.
/// </summary>
public static class PrefixesInput
{
    /// <param name="prefixes">The list as typed.</param>
    /// <param name="locationNames">The configured location names; when there are any, each prefix must start with one.</param>
    public static IReadOnlyList<string> Parse(string? prefixes, IReadOnlyList<string>? locationNames = null)
    {
        var entries = PrefixList.Parse(prefixes);
        if (PrefixGrant.IsEverything(entries))
        {
            return [PrefixGrant.Everything];
        }

        if (entries.Contains(PrefixGrant.Everything))
        {
            throw new AdminInputException("'*' grants everything and must stand alone.");
        }

        var normalized = entries.Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (locationNames is { Count: > 0 } && normalized.FirstOrDefault(p => !locationNames.Contains(p[..p.IndexOf('/', StringComparison.Ordinal)])) is { } unknown)
        {
            throw new AdminInputException(
                $"'{unknown}' names no location; with Files:Locations every prefix starts with one of: {string.Join(", ", locationNames)}.");
        }

        return normalized;
    }

    private static string Normalize(string prefix)
    {
        var check = PrefixGrant.Check(prefix);
        return check.Value ?? throw new AdminInputException(check.Error!);
    }
}
