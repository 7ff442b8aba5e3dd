using FileBridge.Admin.Cli;
using FileBridge.Core.Files;

namespace FileBridge.Admin.Commands;

/// <summary>Adding or removing one grant in a stored list, leaving the rest as they are.</summary>
public static class Grants
{
    /// <returns>The new list; null when <paramref name="grant"/> is already in it.</returns>
    public static IReadOnlyList<string>? Add(IReadOnlyList<string>? current, string grant, string owner)
    {
        var list = current ?? [];
        if (list.Any(p => Same(p, grant)))
        {
            return null;
        }

        if (PrefixGrant.IsEverything(list))
        {
            throw new AdminInputException($"{owner} is granted everything ('*'); adding {grant} would turn '*' into a grant of nothing. Use set-prefixes to replace it.");
        }

        return [.. list, grant];
    }

    public static IReadOnlyList<string> Remove(IReadOnlyList<string>? current, string grant, string owner)
    {
        var list = current ?? [];
        return list.Any(p => Same(p, grant))
            ? list.Where(p => !Same(p, grant)).ToList()
            : throw new AdminInputException(
                $"{grant} is not among the grants of {owner} ({(list.Count == 0 ? "there are none" : string.Join(';', list))}); nothing changed.");
    }

    /// <summary>True when <paramref name="grant"/> is already in the list (a stored "reports" is the folder "reports/").</summary>
    public static bool Contains(IReadOnlyList<string>? current, string grant) => (current ?? []).Any(p => Same(p, grant));

    private static bool Same(string stored, string grant) => stored.Trim() == grant || PrefixGrant.Check(stored.Trim()).Value == grant;
}
