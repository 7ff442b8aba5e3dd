namespace FileBridge.Core.Files;

public enum FileFailureKind
{
    BadRequest,
    Forbidden,
    NotFound,
    Unavailable,
}
