using FileBridge.Core.Audit;
using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>One page of a folder of the bucket, limited to the signed-in user's prefixes.</summary>
public sealed class ListFilesFunction(ILogger<ListFilesFunction> logger, FileCatalog catalog, RequestAudit audit)
{
    [Function(nameof(ListFilesFunction))]
    [EndpointPolicy(Callers.SignedIn, SingleValued = ["prefix", "cursor", "limit"], Audit = AuditActions.List, AuditTarget = "prefix", OnAws = true)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = request.SignedInUser();
        var query = new ListFilesQuery(request.Query["prefix"], request.Query["cursor"], request.Query["limit"]);
        var result = await catalog.ListAsync(user, query, cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Listing refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return audit.Refused(request.HttpContext, FileProblems.For(request.HttpContext.Response, failure));
        }

        // Listings go on while the audit table is unreachable: the row is queued, not awaited (README, Audit trail).
        audit.Post(request.HttpContext, AuditActions.List, user.Id, result.Value!.Prefix, StatusCodes.Status200OK, onAws: true);
        return new OkObjectResult(result.Value!);
    }
}
