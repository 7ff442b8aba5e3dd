using FileBridge.Core.Audit;
using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>One page of a folder of the bucket, limited to the signed-in user's prefixes.</summary>
public sealed class ListFilesFunction(ILogger<ListFilesFunction> logger, RequestAuthenticator authenticator, FileCatalog catalog, RequestAudit audit)
{
    [Function(nameof(ListFilesFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthenticated();
        }

        string? prefix = request.Query["prefix"];
        if (QueryParameters.FirstRepeated(request, "prefix", "cursor", "limit") is { } repeated)
        {
            return Refused(request, user.Id, prefix, Problems.BadRequest($"{repeated} must be given at most once."));
        }

        var query = new ListFilesQuery(prefix, request.Query["cursor"], request.Query["limit"]);
        var result = await catalog.ListAsync(user, query, cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Listing refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return Refused(request, user.Id, prefix, FileProblems.For(request.HttpContext.Response, failure));
        }

        // Listings go on while the audit table is unreachable: the row is queued, not awaited (README, Audit trail).
        audit.Post(request.HttpContext, AuditActions.List, user.Id, result.Value!.Prefix, StatusCodes.Status200OK, onAws: true);
        return new OkObjectResult(result.Value!);
    }

    private ObjectResult Refused(HttpRequest request, string userId, string? prefix, ObjectResult problem)
    {
        audit.Post(request.HttpContext, AuditActions.List, userId, prefix, problem, onAws: true);
        return problem;
    }
}
