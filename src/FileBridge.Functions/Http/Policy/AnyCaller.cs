using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http.Policy;

/// <summary><see cref="Callers.Anyone"/>: anyone; a valid session identifies its user.</summary>
public sealed class AnyCaller(RequestAuthenticator authenticator) : ICallerRequirement
{
    public Task IdentifyAsync(HttpContext context) => authenticator.AuthenticateAsync(context);

    public ObjectResult? Refusal(HttpContext context) => null;
}
