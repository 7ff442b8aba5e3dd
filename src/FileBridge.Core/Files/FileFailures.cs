namespace FileBridge.Core.Files;

/// <summary>The failures the file services share, worded once.</summary>
internal static class FileFailures
{
    public static FileFailure Bad(string detail) => new(FileFailureKind.BadRequest, detail);

    public static FileFailure Unavailable(TimeSpan retryAfter) =>
        new(FileFailureKind.Unavailable, "The file store cannot be reached right now.", retryAfter);

    public static FileFailure Forbidden() =>
        new(FileFailureKind.Forbidden, "This folder or file is outside the prefixes you may see.");

    public static FileFailure NotFound() => new(FileFailureKind.NotFound, "There is no such file.");
}
