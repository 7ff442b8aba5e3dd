namespace FileBridge.Core.Sessions;

/// <summary>
/// Where the request being served comes from, for the session a sign-in step deep inside it may start (after a
/// password, a second factor, a passkey, a password change or a re-authentication). The host's request pipeline
/// sets it once per request, so no step has to carry it; it is read only when a session starts.
/// </summary>
public static class AmbientSessionOrigin
{
    private static readonly AsyncLocal<Func<SessionOrigin>?> Current = new();

    /// <summary>The origin of the request this code runs for; null outside a request (tools, tests).</summary>
    public static SessionOrigin? Read() => Current.Value?.Invoke();

    /// <summary>Sets how to read the origin for the rest of the calling request's flow.</summary>
    public static void Set(Func<SessionOrigin>? read) => Current.Value = read;
}
