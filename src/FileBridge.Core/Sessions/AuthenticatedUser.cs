namespace FileBridge.Core.Sessions;

/// <summary>The person behind a valid session.</summary>
/// <param name="OwnPrefixes">The user's own prefix list; null means the configured defaults apply.</param>
public sealed record AuthenticatedUser(
    string Id,
    string DisplayName,
    IReadOnlyList<string>? OwnPrefixes,
    DateTimeOffset ExpiresAt)
{
    /// <summary>How the session was authenticated (<see cref="SessionAmr"/>); <c>pwd</c> for sessions made before it was recorded.</summary>
    public string Amr { get; init; } = SessionAmr.Password;

    /// <summary>When the person last proved who they are (sign-in or re-authentication), for <c>Login:RecentAuthWindow</c>.</summary>
    public DateTimeOffset AuthenticatedAt { get; init; }

    /// <summary>A service account (<c>--no-second-factor</c>): a password alone is enough under <c>Required</c>.</summary>
    public bool NoSecondFactor { get; init; }
}
