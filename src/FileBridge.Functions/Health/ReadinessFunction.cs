using FileBridge.Core.Health;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Health;

/// <summary>Readiness: 200 when the user table, STS and every location's bucket answer, else 503 naming what failed.</summary>
public sealed class ReadinessFunction(ILogger<ReadinessFunction> logger, ReadinessProbe probe)
{
    [Function(nameof(ReadinessFunction))]
    [EndpointPolicy(Callers.Anonymous, OutsideFrontDoor = true)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var results = await probe.RunAsync(cancellationToken);
        var checks = results.ToDictionary(r => r.Key, r => (object?)(r.Value ? "ok" : "failed"));
        var failed = results.Where(r => !r.Value).Select(r => r.Key).ToList();
        if (failed.Count == 0)
        {
            return new OkObjectResult(new { status = "ok", checks });
        }

        logger.LogWarning("Not ready: {FailedChecks}", string.Join(", ", failed));
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NotReady, "Not ready.",
            $"These dependencies did not answer: {string.Join(", ", failed)}.",
            new Dictionary<string, object?> { ["checks"] = checks, ["failed"] = failed });
    }
}
