namespace FileBridge.Core.Files;

/// <summary>A presigned GET URL and when it stops working.</summary>
public sealed record DownloadLink(Uri Url, DateTimeOffset ExpiresAt);
