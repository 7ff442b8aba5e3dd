using FileBridge.Core.Audit;
using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>One bounded step of a search below a folder, limited to the signed-in user's grants.</summary>
public sealed class SearchFilesFunction(ILogger<SearchFilesFunction> logger, FileSearch search, RequestAudit audit)
{
    [Function(nameof(SearchFilesFunction))]
    [EndpointPolicy(Callers.SignedIn, SingleValued = ["prefix", "q", "cursor", "limit"], Audit = AuditActions.Search, AuditTarget = "prefix", OnAws = true)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/search")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = request.SignedInUser();
        var query = new SearchFilesQuery(request.Query["prefix"], request.Query["q"], request.Query["cursor"], request.Query["limit"]);
        var result = await search.SearchAsync(user, query, cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Search refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return audit.Refused(request.HttpContext, FileProblems.For(request.HttpContext.Response, failure));
        }

        // Like listings, searches go on while the audit table is unreachable: the row is queued.
        audit.Post(request.HttpContext, AuditActions.Search, user.Id, result.Value!.Prefix, StatusCodes.Status200OK, onAws: true);
        return new OkObjectResult(result.Value!);
    }
}
