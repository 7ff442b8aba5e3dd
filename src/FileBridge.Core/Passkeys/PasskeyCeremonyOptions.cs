namespace FileBridge.Core.Passkeys;

/// <summary>
/// Options to send to the browser (<see cref="OptionsJson"/>: the standard PublicKeyCredentialCreationOptionsJSON
/// or RequestOptionsJSON, base64url, unwrapped) and the ticket the browser keeps to spend the challenge.
/// </summary>
public sealed record PasskeyCeremonyOptions(string OptionsJson, ChallengeTicket Ticket);
