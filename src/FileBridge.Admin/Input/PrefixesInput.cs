using FileBridge.Admin.Cli;
using FileBridge.Core.Files;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Input;

/// <summary>
/// Turns a ';'-separated prefix list from the command line into folder prefixes the app accepts.
/// The app would silently grant nothing for an invalid entry; the operator should hear about it here.
/// </summary>
public static class PrefixesInput
{
    public static IReadOnlyList<string> Parse(string? prefixes) =>
        PrefixList.Parse(prefixes).Select(Normalize).Distinct(StringComparer.Ordinal).ToList();

    private static string Normalize(string prefix)
    {
        var check = S3Paths.NormalizePrefix(prefix);
        return check.Value ?? throw new AdminInputException($"'{prefix}' is not a valid prefix: {check.Error}");
    }
}
