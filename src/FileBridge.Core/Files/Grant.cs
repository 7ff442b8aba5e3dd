namespace FileBridge.Core.Files;

/// <summary>One granted folder, or <c>*</c> for everything, and where the grant comes from.</summary>
/// <param name="Prefix">A folder prefix ending in '/', or <see cref="PrefixGrant.Everything"/>.</param>
/// <param name="From">
/// <see cref="FromUser"/>, <see cref="FromDefault"/> or <c>group:&lt;name&gt;</c> (<see cref="FromGroup"/>): what the
/// admin tool's <c>access explain</c> and <c>users show</c> print.
/// </param>
public sealed record Grant(string Prefix, string From)
{
    /// <summary>The user's own <c>Prefixes</c> column.</summary>
    public const string FromUser = "user";

    /// <summary><c>Files:DefaultPrefixes</c>, which applies only when nothing else grants anything.</summary>
    public const string FromDefault = "default";

    public bool IsEverything => Prefix == PrefixGrant.Everything;

    /// <summary>A group's <c>Prefixes</c> column.</summary>
    public static string FromGroup(string groupName) => $"group:{groupName}";
}
