namespace FileBridge.Core.Sessions;

/// <summary>The person behind a valid session.</summary>
/// <param name="OwnPrefixes">The user's own prefix list; null adds nothing (the defaults apply when no group grants anything either).</param>
public sealed record AuthenticatedUser(
    string Id,
    string DisplayName,
    IReadOnlyList<string>? OwnPrefixes,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The grants of the user's groups, one list per group that exists; they add to <see cref="OwnPrefixes"/>.</summary>
    public IReadOnlyList<Files.GrantList> GroupGrants { get; init; } = [];
}
