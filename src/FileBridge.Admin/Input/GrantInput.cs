using FileBridge.Admin.Cli;
using FileBridge.Admin.Hosting;
using FileBridge.Core.Aws;
using FileBridge.Core.Files;

namespace FileBridge.Admin.Input;

/// <summary>
/// Grants from the command line as the app can use them: checked by <see cref="PrefixesInput"/>, and each one small
/// enough that its own session policy fits AWS's 2,048 characters (else <c>grant_too_long</c>: such a grant would
/// grant nothing).
/// </summary>
public sealed class GrantInput(DefaultPrefixesSetting settings, GrantLocations locations)
{
    public const string TooLongCode = "grant_too_long";

    /// <summary>A ';'-separated list: <c>*</c> alone, or folders; empty clears.</summary>
    public IReadOnlyList<string> ParseList(string? prefixes)
    {
        var list = PrefixesInput.Parse(prefixes, settings.LocationNames);
        foreach (var prefix in list)
        {
            EnsureFits(prefix);
        }

        return list;
    }

    /// <summary>One folder to grant or revoke; <c>*</c> is only ever set with set-prefixes, where it stands alone.</summary>
    public string ParseOne(string? prefix, string command)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.Contains(';', StringComparison.Ordinal))
        {
            throw new AdminInputException($"Give one prefix to {command}, e.g. 'reports/'.");
        }

        if (prefix.Trim() == PrefixGrant.Everything)
        {
            throw new AdminInputException($"'*' grants everything and must stand alone in a list: use set-prefixes with '*' instead of {command}.");
        }

        var one = PrefixesInput.Parse(prefix, settings.LocationNames).Single();
        EnsureFits(one);
        return one;
    }

    private void EnsureFits(string prefix)
    {
        var length = locations.PolicyLength(prefix);
        if (length > SessionPolicy.MaxLength)
        {
            throw new AdminInputException(
                $"{TooLongCode}: the session policy for '{prefix}' alone would be {length} characters; AWS accepts at most {SessionPolicy.MaxLength}. Grant a shorter folder.");
        }
    }
}
