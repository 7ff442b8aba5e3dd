using FileBridge.Core.Audit;
using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Files;

/// <summary>
/// Redirects to a short-lived presigned GET URL for one file, once it is in the audit trail: a download, or with
/// <c>disposition=inline</c> a preview of a safe type. With <c>redirect=false</c> it answers the same link as
/// 200 <c>{"url","expiresAt"}</c> instead: the page asks that way, so it can show a refusal in place and still
/// spend one request, one audit row and one link on each download.
/// </summary>
public sealed class DownloadFileFunction(ILogger<DownloadFileFunction> logger, FileCatalog catalog, RequestAudit audit)
{
    [Function(nameof(DownloadFileFunction))]
    [EndpointPolicy(Callers.SignedIn, SingleValued = ["key", "disposition", "redirect"],
        Audit = AuditActions.Download, InlineAudit = AuditActions.Preview, AuditTarget = "key", OnAws = true)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/download")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var user = request.SignedInUser();
        string? key = request.Query["key"];
        if (!DownloadAnswer.TryParse(request.Query["redirect"], out var answer))
        {
            return audit.Refused(request.HttpContext, Problems.BadRequest("redirect must be true or false."));
        }

        var result = await catalog.GetDownloadLinkAsync(user, key, request.Query["disposition"], cancellationToken);
        if (result.Failure is { } failure)
        {
            logger.LogDebug("Download refused for {UserId}: {FailureKind}", user.Id, failure.Kind);
            return audit.Refused(request.HttpContext, FileProblems.For(request.HttpContext.Response, failure));
        }

        try
        {
            // No link leaves without its row: the row names the key, never the link.
            await audit.RecordAsync(request.HttpContext, result.Value!.IsInline ? AuditActions.Preview : AuditActions.Download, user.Id, key, answer.Status, cancellationToken);
        }
        catch (AuditUnavailableException)
        {
            return FileProblems.AuditUnavailable(request.HttpContext.Response);
        }

        // The link itself is a bearer credential for this file; it is never logged (ApiPipeline marks it no-store).
        return answer.For(result.Value!);
    }
}
