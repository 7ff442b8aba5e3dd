namespace FileBridge.Core.Login;

/// <summary>Where the lockout counters of sign-in names live; every write is guarded by the state's ETag.</summary>
public interface ILoginStateStore
{
    Task<LoginState> ReadAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="next"/> if the stored state is still <paramref name="current"/>.</summary>
    /// <returns>The written state with its new ETag, or null when another writer got there first.</returns>
    Task<LoginState?> TryWriteAsync(string userId, LoginState current, LoginState next, CancellationToken cancellationToken);
}
