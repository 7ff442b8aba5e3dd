namespace FileBridge.Core.Users;

public sealed class UserAlreadyExistsException(string userId)
    : InvalidOperationException($"A user named '{userId}' already exists.")
{
    public string UserId { get; } = userId;
}

public sealed class UserNotFoundException(string userId)
    : InvalidOperationException($"There is no user named '{userId}'.")
{
    public string UserId { get; } = userId;
}
