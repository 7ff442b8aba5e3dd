using FileBridge.Core.Users;

namespace FileBridge.Core.Files;

/// <summary>A user's effective scope and where it comes from: their own <c>Prefixes</c>, else <c>Files:DefaultPrefixes</c>.</summary>
public sealed record UserScope(AccessScope Scope, bool FromDefaults)
{
    /// <param name="own">The user's own list; null or empty means the defaults apply.</param>
    /// <param name="defaultPrefixes">The raw <c>Files:DefaultPrefixes</c> setting.</param>
    public static UserScope Resolve(IReadOnlyList<string>? own, string? defaultPrefixes) =>
        own is { Count: > 0 }
            ? new UserScope(AccessScope.From(own), FromDefaults: false)
            : new UserScope(AccessScope.From(PrefixList.Parse(defaultPrefixes)), FromDefaults: true);
}
