namespace FileBridge.Core.Files;

/// <summary>Whether a path may be read, and why: the grant that allows it, or, refused, the grants nearest to it.</summary>
/// <param name="Allowed">True when everything under the path may be read.</param>
/// <param name="Grant">The grant that allows it; null when refused.</param>
/// <param name="Nearest">When refused: the grants closest to the path (sharing the most leading folders), to show what would help.</param>
public sealed record AccessDecision(bool Allowed, Grant? Grant, IReadOnlyList<Grant> Nearest)
{
    public static AccessDecision AllowedBy(Grant grant) => new(true, grant, []);

    public static AccessDecision Refused(IReadOnlyList<Grant> nearest) => new(false, null, nearest);
}
