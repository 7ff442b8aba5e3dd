using FileBridge.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>
/// What a sign-in records about where it came from, for the person's list of sessions: the browser and system named
/// from the User-Agent, the client address the pipeline counts the request under, and the session cookie the browser
/// already carried (which the sign-in ends).
/// </summary>
public sealed class SessionOriginReader(ClientAddressResolver addresses)
{
    public SessionOrigin Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SessionOrigin(
            ClientDescription.FromUserAgent(request.Headers.UserAgent.ToString()),
            addresses.Resolve(request.HttpContext),
            SessionCookie.Read(request));
    }
}
