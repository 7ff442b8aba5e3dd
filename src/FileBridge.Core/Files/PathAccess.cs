namespace FileBridge.Core.Files;

/// <summary>What the access policy decided for one folder or file.</summary>
/// <param name="Kind">The decision.</param>
/// <param name="Target">For <see cref="PathAccessKind.Read"/>: what to read, and with which credentials.</param>
/// <param name="Folders">For <see cref="PathAccessKind.Folders"/>: the folders to show, answered from configuration alone.</param>
public sealed record PathAccess(PathAccessKind Kind, ReadTarget? Target = null, IReadOnlyList<string>? Folders = null)
{
    public static PathAccess Forbidden { get; } = new(PathAccessKind.Forbidden);

    public static PathAccess NoSuchLocation { get; } = new(PathAccessKind.NoSuchLocation);

    public static PathAccess Read(ReadTarget target) => new(PathAccessKind.Read, target);

    public static PathAccess ShowFolders(IReadOnlyList<string> folders) => new(PathAccessKind.Folders, Folders: folders);
}
