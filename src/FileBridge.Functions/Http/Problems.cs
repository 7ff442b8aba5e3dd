using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.Functions.Http;

/// <summary>RFC 9457 problem responses with the contract's extra <c>code</c> member.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Create(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://filebridge.dev/problems/{code.Replace('_', '-')}",
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { ContentType } };
    }

    public static ObjectResult BadRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "The request is not valid.", detail);

    public static ObjectResult Unauthenticated() =>
        Create(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in first.", "There is no valid session; it may have expired or been revoked.");

    /// <summary>Wrong credentials: 401 at sign-in, 403 where a session exists and is not in question (re-authentication, password change).</summary>
    public static ObjectResult InvalidCredentials(int status) =>
        Create(status, ErrorCodes.InvalidCredentials, "Sign-in failed.", "The user name or password is incorrect.");

    public static ObjectResult InvalidCode(int status) =>
        Create(status, ErrorCodes.InvalidCode, "The code is not right.", "The code is wrong, already used or too old.");

    public static ObjectResult StepExpired() =>
        Create(StatusCodes.Status401Unauthorized, ErrorCodes.StepExpired, "Sign in again.", "This sign-in step is missing, finished or expired.");

    public static ObjectResult ReauthRequired() =>
        Create(StatusCodes.Status403Forbidden, ErrorCodes.ReauthRequired, "Confirm it is you.", "This change needs a recent authentication: re-authenticate and try again.");

    public static ObjectResult ForbiddenOrigin() =>
        Create(StatusCodes.Status403Forbidden, ErrorCodes.ForbiddenOrigin, "Cross-site request refused.", "This request came from an origin that is not allowed to change state.");

    public static ObjectResult RateLimited(HttpResponse response, TimeSpan retryAfter) => WithRetryAfter(response, retryAfter, Create(
        StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests.", "Please slow down and try again shortly."));

    public static ObjectResult Busy(HttpResponse response, TimeSpan retryAfter) => WithRetryAfter(response, retryAfter, Create(
        StatusCodes.Status503ServiceUnavailable, ErrorCodes.Busy, "FileBridge is busy.", "Too many sign-ins are being checked; please try again shortly."));

    public static ObjectResult TooManyAttempts(HttpResponse response, TimeSpan retryAfter) => WithRetryAfter(response, retryAfter, Create(
        StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyAttempts, "Too many failed sign-ins.",
        $"Sign-ins for this name are paused for {RetryAfterSeconds(retryAfter)} more seconds."));

    /// <summary>Sets <c>Retry-After</c> (whole seconds, at least 1) and answers with the given problem.</summary>
    public static ObjectResult WithRetryAfter(HttpResponse response, TimeSpan retryAfter, ObjectResult problem)
    {
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem;
    }

    public static long RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
}
