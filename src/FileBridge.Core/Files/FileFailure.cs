namespace FileBridge.Core.Files;

/// <summary>Why a file request could not be served; the HTTP layer maps the kind to a status.</summary>
public sealed record FileFailure(FileFailureKind Kind, string Detail, TimeSpan? RetryAfter = null);
