using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Auth;

public sealed class MeFunction
{
    [Function(nameof(MeFunction))]
    [EndpointPolicy(Callers.SignedIn)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request) =>
        new OkObjectResult(SessionUserResponse.From(request.SignedInUser()));
}
