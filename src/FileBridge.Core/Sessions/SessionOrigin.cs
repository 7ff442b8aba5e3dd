namespace FileBridge.Core.Sessions;

/// <summary>Where a sign-in came from, for the person's list of sessions.</summary>
/// <param name="Client">The browser and system (<see cref="ClientDescription.FromUserAgent"/>).</param>
/// <param name="Address">The client address the request was counted under.</param>
/// <param name="PresentedToken">
/// The session token the browser already carried: the sign-in ends that session, so one browser never holds two.
/// </param>
public sealed record SessionOrigin(string? Client, string? Address, string? PresentedToken)
{
    // The presented token must never reach a log through a record's generated ToString.
    public override string ToString() => $"SessionOrigin {{ Client = {Client}, Address = {Address} }}";
}
