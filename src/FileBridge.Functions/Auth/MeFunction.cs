using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Auth;

public sealed class MeFunction(ILogger<MeFunction> logger, RequestAuthenticator authenticator)
{
    [Function(nameof(MeFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (user is null)
        {
            logger.LogDebug("No valid session on auth/me");
            return Problems.Unauthenticated();
        }

        return new OkObjectResult(SessionUserResponse.From(user));
    }
}
