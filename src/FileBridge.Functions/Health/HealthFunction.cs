using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FileBridge.Functions.Health;

/// <summary>Liveness: answers without touching any dependency (HEAD too, for uptime probes).</summary>
public sealed class HealthFunction
{
    [Function(nameof(HealthFunction))]
    [EndpointPolicy(Callers.Anonymous, OutsideFrontDoor = true)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok" });
}
