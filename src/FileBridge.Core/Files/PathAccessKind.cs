namespace FileBridge.Core.Files;

public enum PathAccessKind
{
    /// <summary>Outside the person's grants.</summary>
    Forbidden,

    /// <summary>Inside the grants, but the first folder names no configured location.</summary>
    NoSuchLocation,

    /// <summary>
    /// A folder the person may not read but may pass through (the root, a location, a folder above a grant): its
    /// folders come from the grants and configuration, with no AWS call, since the session policy would refuse one.
    /// </summary>
    Folders,

    /// <summary>Readable: the call goes to S3 with scoped credentials.</summary>
    Read,
}
