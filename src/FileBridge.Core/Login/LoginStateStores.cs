namespace FileBridge.Core.Login;

/// <summary>
/// Where lockout counters live: a real account's untrusted budget in its Users row, other names in the attempts
/// table, and known browsers' budgets (<see cref="Devices"/>) in the attempts table too. Without
/// <see cref="Devices"/>, every request counts in the untrusted budget.
/// </summary>
public sealed record LoginStateStores(ILoginStateStore Accounts, ILoginStateStore UnknownNames, ILoginStateStore? Devices = null)
{
    /// <summary>The store of <paramref name="budget"/>; <paramref name="isAccount"/> false for a name that is no account.</summary>
    public ILoginStateStore For(LoginBudget budget, bool isAccount)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return !isAccount ? UnknownNames : budget.IsDevice && Devices is not null ? Devices : Accounts;
    }
}
