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
    public static IReadOnlyList<string> Parse(string? prefixes)
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

        return entries.Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Normalize(string prefix)
    {
        var check = PrefixGrant.Check(prefix);
        return check.Value ?? throw new AdminInputException(check.Error!);
    }
}
