using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>Redirects to a short-lived presigned GET URL for one file: a download, or with <c>disposition=inline</c> a preview of a safe type.</summary>
public sealed class DownloadFileFunction(ILogger<DownloadFileFunction> logger, RequestAuthenticator authenticator, FileCatalog catalog)
{
    [Function(nameof(DownloadFileFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/download")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (user is null)
        {
            return Problems.Unauthenticated();
        }

        if (QueryParameters.FirstRepeated(request, "key", "disposition") is { } repeated)
        {
            return Problems.BadRequest($"{repeated} must be given at most once.");
        }

        var result = await catalog.GetDownloadLinkAsync(user, request.Query["key"], request.Query["disposition"], cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Download refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return FileProblems.For(request.HttpContext.Response, failure);
        }

        // The link itself is a bearer credential for this file; it is never logged.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new RedirectResult(result.Value!.Url.AbsoluteUri, permanent: false);
    }
}
