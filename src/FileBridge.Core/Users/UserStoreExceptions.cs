namespace FileBridge.Core.Users;

// The messages never carry the name: a name typed at sign-in may be a password typed into the wrong field, and
// exception messages end up in logs and telemetry. Callers that may show it (the admin tool) read UserId.

public sealed class UserAlreadyExistsException(string userId)
    : InvalidOperationException("A user of that name already exists.")
{
    public string UserId { get; } = userId;
}

public sealed class UserNotFoundException(string userId)
    : InvalidOperationException("There is no user of that name.")
{
    public string UserId { get; } = userId;
}

public sealed class UserChangedException(string userId)
    : InvalidOperationException("The user changed since it was read.")
{
    public string UserId { get; } = userId;
}
