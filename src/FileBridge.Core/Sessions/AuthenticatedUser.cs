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

    /// <summary>How the session was authenticated (<see cref="SessionAmr"/>); <c>pwd</c> for sessions made before it was recorded.</summary>
    public string Amr { get; init; } = SessionAmr.Password;

    /// <summary>When the person last proved who they are (sign-in or re-authentication), for <c>Login:RecentAuthWindow</c>.</summary>
    public DateTimeOffset AuthenticatedAt { get; init; }

    /// <summary>A service account (<c>--no-second-factor</c>): a password alone is enough under <c>Required</c>.</summary>
    public bool NoSecondFactor { get; init; }
}
