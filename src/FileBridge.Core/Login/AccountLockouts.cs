using FileBridge.Core.Users;

namespace FileBridge.Core.Login;

/// <summary>Clears every lockout budget of a person: the untrusted one in their row and each known browser's.</summary>
public sealed class AccountLockouts(IUserStore users, DeviceLoginStateStore devices)
{
    /// <returns>How many known browsers' budgets were cleared besides the untrusted one.</returns>
    /// <exception cref="UserNotFoundException">No such user.</exception>
    public async Task<int> ClearAllAsync(string userId, CancellationToken cancellationToken)
    {
        await users.UpdateAsync(userId, new UserChange(ResetLockout: true), cancellationToken);
        return await devices.DeleteAllForUserAsync(userId, cancellationToken);
    }
}
