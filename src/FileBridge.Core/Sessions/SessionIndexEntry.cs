namespace FileBridge.Core.Sessions;

/// <summary>
/// A row of the per-user session index: what a person's list of sessions shows, and the token's hash to end the
/// session with. Never leaves the server as it is (<see cref="SessionSummary"/> is what a person sees).
/// </summary>
/// <param name="Client">The browser and system, as <see cref="ClientDescription"/> names them from the User-Agent.</param>
/// <param name="Address">The client address the request was counted under at sign-in.</param>
public sealed record SessionIndexEntry(
    string SessionId,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset LastSeenAt,
    string? Client,
    string? Address)
{
    public bool IsActiveAt(DateTimeOffset now, TimeSpan idleTimeout) =>
        now < ExpiresAt && now < LastSeenAt + idleTimeout;

    // The token's hash must never reach a log through a record's generated ToString.
    public override string ToString() => $"SessionIndexEntry {{ SessionId = {SessionId}, CreatedAt = {CreatedAt:O} }}";
}
