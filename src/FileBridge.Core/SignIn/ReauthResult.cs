using FileBridge.Core.Sessions;

namespace FileBridge.Core.SignIn;

/// <summary>
/// A re-authentication: <see cref="Session"/> is the new session (the old token dies) when it succeeded; otherwise
/// <see cref="RetryAfter"/> is set when the budget is locked or the name is over its rate, and neither when the
/// credentials were wrong (403 <c>invalid_credentials</c>).
/// </summary>
public sealed record ReauthResult(StartedSession? Session, TimeSpan? RetryAfter = null, bool Busy = false)
{
    public static readonly ReauthResult Refused = new(Session: null);
}
