namespace FileBridge.Core.Login;

/// <summary>Where lockout counters live: real accounts in their Users row, other names in the attempts table.</summary>
public sealed record LoginStateStores(ILoginStateStore Accounts, ILoginStateStore UnknownNames);
