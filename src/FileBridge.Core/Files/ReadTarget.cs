using FileBridge.Core.Aws;

namespace FileBridge.Core.Files;

/// <summary>What one S3 call may read: a key (or key prefix) of a location, and the scoped credentials to read it with.</summary>
/// <param name="Location">The location the path lies in.</param>
/// <param name="Key">The S3 key, or key prefix, inside the location's bucket.</param>
/// <param name="Credentials">The role, session name and session policy the call is made with; never wider than the grants.</param>
public sealed record ReadTarget(FileLocation Location, string Key, RoleRequest Credentials);
