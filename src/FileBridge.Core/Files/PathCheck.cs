namespace FileBridge.Core.Files;

/// <summary>A normalized prefix or key, or why it was refused.</summary>
public readonly record struct PathCheck(string? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static PathCheck Ok(string value) => new(value, null);

    public static PathCheck Fail(string error) => new(null, error);
}
