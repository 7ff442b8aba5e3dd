namespace FileBridge.Core.Files;

/// <summary>Either a value or a <see cref="FileFailure"/>; expected failures are results, not exceptions.</summary>
public sealed record FileResult<T>(T? Value, FileFailure? Failure)
    where T : class
{
    public static implicit operator FileResult<T>(FileFailure failure) => new(null, failure);

    public static FileResult<T> Success(T value) => new(value, null);
}
