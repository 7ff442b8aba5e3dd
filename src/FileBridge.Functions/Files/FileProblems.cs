using FileBridge.Core.Files;
using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Files;

/// <summary>Maps a <see cref="FileFailure"/> to the contract's status and problem code.</summary>
public static class FileProblems
{
    public static ObjectResult For(HttpResponse response, FileFailure failure)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            FileFailureKind.BadRequest => Problems.BadRequest(failure.Detail),
            FileFailureKind.Forbidden => Problems.Create(StatusCodes.Status403Forbidden, ErrorCodes.ForbiddenPrefix, "Outside your folders.", failure.Detail),
            FileFailureKind.NotFound => Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found.", failure.Detail),
            _ => Problems.WithRetryAfter(response, failure.RetryAfter ?? TimeSpan.FromSeconds(5), Problems.Create(
                StatusCodes.Status503ServiceUnavailable, ErrorCodes.UpstreamUnavailable, "The file store is unavailable.", failure.Detail)),
        };
    }

    /// <summary>A download link whose audit row could not be stored is not handed out.</summary>
    public static ObjectResult AuditUnavailable(HttpResponse response) =>
        Problems.WithRetryAfter(response, TimeSpan.FromSeconds(5), Problems.Create(
            StatusCodes.Status503ServiceUnavailable, ErrorCodes.UpstreamUnavailable, "Downloads are paused.",
            "FileBridge cannot record the download right now, and hands out no link unrecorded."));
}
