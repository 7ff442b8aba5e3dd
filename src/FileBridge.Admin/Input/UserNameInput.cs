using FileBridge.Admin.Cli;
using FileBridge.Core.Users;

namespace FileBridge.Admin.Input;

/// <summary>Turns a name from the command line into a user id the way sign-in does.</summary>
public static class UserNameInput
{
    public static string ToUserId(string name) => UserName.IsValid(name)
        ? UserName.Normalize(name)
        : throw new AdminInputException(
            $"'{name}' is not a valid user name: it must not be empty, be at most {UserName.MaxLength} characters, and hold no '/', '\\', '#', '?' or control characters.");
}
