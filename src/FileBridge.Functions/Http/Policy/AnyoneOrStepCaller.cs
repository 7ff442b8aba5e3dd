using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http.Policy;

/// <summary>
/// <see cref="Callers.AnyoneOrStep"/>: anyone; a valid session identifies its user, and a live pending step is read
/// too (sign-out from any step, a passkey as the second step or to re-authenticate).
/// </summary>
public sealed class AnyoneOrStepCaller(RequestAuthenticator authenticator, PendingStepReader reader) : ICallerRequirement
{
    public async Task IdentifyAsync(HttpContext context)
    {
        await authenticator.AuthenticateAsync(context);
        await reader.ReadAsync(context);
    }

    public ObjectResult? Refusal(HttpContext context) => null;
}
