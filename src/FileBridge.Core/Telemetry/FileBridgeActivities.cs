using System.Diagnostics;

namespace FileBridge.Core.Telemetry;

/// <summary>
/// The broker's own spans. HTTP dependencies (Table, STS, S3) are traced by the HTTP client instrumentation; these
/// spans name what the app was doing around them. <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null when no listener is configured, so they cost nothing then.
/// </summary>
public static class FileBridgeActivities
{
    public const string SourceName = "FileBridge";

    public static readonly ActivitySource Source = new(SourceName);
}
