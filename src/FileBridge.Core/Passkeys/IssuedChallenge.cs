namespace FileBridge.Core.Passkeys;

/// <summary>A challenge taken back: the options that were sent with it, and whose ceremony it was (null: anyone's).</summary>
public sealed record IssuedChallenge(string OptionsJson, string? UserId);
