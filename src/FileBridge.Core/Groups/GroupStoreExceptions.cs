namespace FileBridge.Core.Groups;

public sealed class GroupAlreadyExistsException(string groupId)
    : InvalidOperationException("A group of that name already exists.")
{
    public string GroupId { get; } = groupId;
}

public sealed class GroupNotFoundException(string groupId)
    : InvalidOperationException("There is no group of that name.")
{
    public string GroupId { get; } = groupId;
}
