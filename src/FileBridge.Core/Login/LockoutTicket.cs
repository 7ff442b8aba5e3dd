namespace FileBridge.Core.Login;

/// <summary>One reserved password check: what it wrote, and how many failures stood before it (the part a success may clear).</summary>
public sealed record LockoutTicket(ILoginStateStore Store, string UserId, LoginState Written, int FailuresBefore);
