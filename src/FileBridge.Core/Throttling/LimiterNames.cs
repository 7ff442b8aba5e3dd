namespace FileBridge.Core.Throttling;

/// <summary>
/// The limiters' names: what routes declare, what the <c>filebridge.throttled</c> metric is tagged with and what
/// <c>throttled</c> audit rows name as their target. Written here only.
/// </summary>
public static class LimiterNames
{
    /// <summary>Sign-ins per client address (<see cref="RateLimits.SignInsPerClient"/>).</summary>
    public const string SignInsPerClient = "signins-per-client";

    /// <summary>Sign-ins per user name, existing or not (<see cref="RateLimits.SignInsPerName"/>).</summary>
    public const string SignInsPerName = "signins-per-name";

    /// <summary>Every other request, per signed-in caller or anonymous client address (<see cref="RateLimits.Requests"/>).</summary>
    public const string Requests = "requests";

    /// <summary>This instance's password-check slots and their queue (503 <c>busy</c>).</summary>
    public const string PasswordChecks = "password-checks";
}
