namespace FileBridge.Core.Files;

/// <summary>A presigned GET URL and when it stops working.</summary>
/// <param name="IsInline">True when the link opens in the browser (a preview) rather than downloading.</param>
public sealed record DownloadLink(Uri Url, DateTimeOffset ExpiresAt, bool IsInline = false);
