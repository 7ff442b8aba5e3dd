using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http.Policy;

/// <summary><see cref="Callers.SignedIn"/>: a valid session, or 401 <c>unauthenticated</c>.</summary>
public sealed class SignedInCaller(RequestAuthenticator authenticator) : ICallerRequirement
{
    public Task IdentifyAsync(HttpContext context) => authenticator.AuthenticateAsync(context);

    public ObjectResult? Refusal(HttpContext context) =>
        RequestCaller.Identified(context) is null ? Problems.Unauthenticated() : null;
}
