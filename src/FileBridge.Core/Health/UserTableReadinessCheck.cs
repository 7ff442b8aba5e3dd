using FileBridge.Core.Users;

namespace FileBridge.Core.Health;

public sealed class UserTableReadinessCheck(IUserStore users) : IReadinessCheck
{
    public string Name => "users";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => users.CanReachAsync(cancellationToken);
}
