namespace FileBridge.Core.Sessions;

/// <summary>A new session: the token goes into the cookie and nowhere else.</summary>
public sealed record StartedSession(string Token, AuthenticatedUser User)
{
    // The token must never reach a log through a record's generated ToString.
    public override string ToString() => $"StartedSession {{ User = {User.Id}, ExpiresAt = {User.ExpiresAt:O} }}";
}
