namespace FileBridge.Core.Users;

public sealed record NewUser(string Id, string DisplayName, string PasswordHash, IReadOnlyList<string>? Prefixes);
