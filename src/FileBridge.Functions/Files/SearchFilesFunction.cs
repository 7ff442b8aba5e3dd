using FileBridge.Core.Audit;
using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>One bounded step of a search below a folder, limited to the signed-in user's grants.</summary>
public sealed class SearchFilesFunction(ILogger<SearchFilesFunction> logger, RequestAuthenticator authenticator, FileSearch search, RequestAudit audit)
{
    [Function(nameof(SearchFilesFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/search")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthenticated();
        }

        string? prefix = request.Query["prefix"];
        if (QueryParameters.FirstRepeated(request, "prefix", "q", "cursor", "limit") is { } repeated)
        {
            return Refused(request, user.Id, prefix, Problems.BadRequest($"{repeated} must be given at most once."));
        }

        var query = new SearchFilesQuery(prefix, request.Query["q"], request.Query["cursor"], request.Query["limit"]);
        var result = await search.SearchAsync(user, query, cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Search refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return Refused(request, user.Id, prefix, FileProblems.For(request.HttpContext.Response, failure));
        }

        // Like listings, searches go on while the audit table is unreachable: the row is queued.
        audit.Post(request.HttpContext, AuditActions.Search, user.Id, result.Value!.Prefix, StatusCodes.Status200OK, onAws: true);
        return new OkObjectResult(result.Value!);
    }

    private ObjectResult Refused(HttpRequest request, string userId, string? prefix, ObjectResult problem)
    {
        audit.Post(request.HttpContext, AuditActions.Search, userId, prefix, problem, onAws: true);
        return problem;
    }
}
