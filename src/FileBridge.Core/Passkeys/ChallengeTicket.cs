namespace FileBridge.Core.Passkeys;

/// <summary>
/// What the browser that asked for options keeps (in a cookie) to spend the challenge later:
/// <see cref="Binding"/> is random and stored only as a hash.
/// </summary>
public sealed record ChallengeTicket(string Binding, DateTimeOffset ExpiresAt);
