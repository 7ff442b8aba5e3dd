using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>One page of a folder of the bucket, limited to the signed-in user's prefixes.</summary>
public sealed class ListFilesFunction(ILogger<ListFilesFunction> logger, RequestAuthenticator authenticator, FileCatalog catalog)
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

        if (QueryParameters.FirstRepeated(request, "prefix", "cursor", "limit") is { } repeated)
        {
            return Problems.BadRequest($"{repeated} must be given at most once.");
        }

        var query = new ListFilesQuery(request.Query["prefix"], request.Query["cursor"], request.Query["limit"]);
        var result = await catalog.ListAsync(user, query, cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Listing refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return FileProblems.For(request.HttpContext.Response, failure);
        }

        return PrivateResults.Ok(request, result.Value!);
    }
}
