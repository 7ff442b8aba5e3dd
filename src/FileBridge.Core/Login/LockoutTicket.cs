namespace FileBridge.Core.Login;

/// <summary>
/// One reserved password check: what it wrote, how many failures stood before it (the part a success may
/// clear), and whether taking it locked the name.
/// </summary>
public sealed record LockoutTicket(ILoginStateStore Store, string UserId, LoginState Written, int FailuresBefore, bool LockedAtReservation = false);
