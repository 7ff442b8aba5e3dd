using FileBridge.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>
/// What a sign-in records about where it came from, for the person's list of sessions: the browser and system named
/// from the User-Agent, the client address the pipeline counts the request under, and the session cookie the browser
/// already carried (which the sign-in ends). <see cref="ApiPipeline"/> offers it to every request
/// (<see cref="AmbientSessionOrigin"/>); it is read only when a session starts.
/// </summary>
public static class SessionOriginReader
{
    public static SessionOrigin Read(HttpRequest request, ClientAddressResolver addresses)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(addresses);
        return new SessionOrigin(
            ClientDescription.FromUserAgent(request.Headers.UserAgent.ToString()),
            addresses.Resolve(request.HttpContext),
            SessionCookie.Read(request));
    }
}
