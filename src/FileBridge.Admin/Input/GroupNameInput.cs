using FileBridge.Admin.Cli;
using FileBridge.Core.Groups;

namespace FileBridge.Admin.Input;

/// <summary>Turns a group name from the command line into the key of its row.</summary>
public static class GroupNameInput
{
    public static string ToGroupId(string name) => GroupName.IsValid(name)
        ? GroupName.Normalize(name)
        : throw new AdminInputException(
            $"'{name}' is not a valid group name: it must not be empty, be at most {GroupName.MaxLength} characters, and hold no white space, '/', '\\', '#', '?', ';', ':' or control characters.");
}
