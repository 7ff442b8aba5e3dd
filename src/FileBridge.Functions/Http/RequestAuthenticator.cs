using FileBridge.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace FileBridge.Functions.Http;

/// <summary>Finds the signed-in user of a request from its session cookie.</summary>
public sealed class RequestAuthenticator(SessionService sessions)
{
    public Task<AuthenticatedUser?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        sessions.AuthenticateAsync(SessionCookie.Read(request), cancellationToken);
}
