using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http;

/// <summary>
/// The answer to a fault no function handled: a table service that is down is the caller's cue to
/// retry (503), a request the server couldn't read is theirs to fix (400), anything else is ours (500).
/// Bodies never carry exception details.
/// </summary>
public static class FaultResults
{
    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    public static ObjectResult For(Exception exception, HttpResponse response) => exception switch
    {
        BadHttpRequestException bad => Problems.Create(bad.StatusCode, ErrorCodes.BadRequest, "The request could not be read."),
        _ when IsUnavailable(exception) => Problems.WithRetryAfter(
            response, StorageRetryAfter, Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.UpstreamUnavailable,
                "A service FileBridge depends on is unavailable.", "Please try again shortly.")),
        _ => Problems.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Something went wrong on our side."),
    };

    // The Azure SDK throws an AggregateException of its attempts once its own retries are spent.
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };
}
