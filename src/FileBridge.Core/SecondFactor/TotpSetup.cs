namespace FileBridge.Core.SecondFactor;

/// <summary>A pending TOTP secret for the person to scan (<see cref="OtpauthUri"/>) or type (<see cref="Secret"/>, base32).</summary>
public sealed record TotpSetup(string Secret, string OtpauthUri);
