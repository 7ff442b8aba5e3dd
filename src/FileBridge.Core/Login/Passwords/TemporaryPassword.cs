namespace FileBridge.Core.Login.Passwords;

/// <summary>A password made for a person by <see cref="TemporaryPasswords"/>: shown once, stored only as a hash.</summary>
public sealed record TemporaryPassword(string Password, DateTimeOffset ExpiresAt);
