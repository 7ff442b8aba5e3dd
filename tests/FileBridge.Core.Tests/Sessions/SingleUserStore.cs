using Azure;
using FileBridge.Core.Users;

namespace FileBridge.Core.Tests.Sessions;

/// <summary>A user store holding one account, for tests of what happens around it.</summary>
internal sealed class SingleUserStore(UserAccount account) : IUserStore
{
    public UserAccount Account { get; set; } = account;

    public static UserAccount NewAccount(string id = "ada") =>
        new(id, "Ada", "hash", Disabled: false, Prefixes: null, FailedLogins: 0, LockedUntil: null, ETag: new ETag("1"));

    public Task<UserAccount?> FindAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(userId == Account.Id ? Account : null);

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserAccount>>([Account]);

    public Task AddAsync(NewUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryUpdatePasswordHashAsync(UserAccount user, string passwordHash, CancellationToken cancellationToken)
    {
        Account = Account with { PasswordHash = passwordHash };
        return Task.FromResult(true);
    }

    public Task UpdateAsync(string userId, UserChange change, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryDeleteAsync(UserAccount user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> CanReachAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
