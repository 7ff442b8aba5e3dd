using FileBridge.Core.Audit;
using FileBridge.Core.Telemetry;
using FileBridge.Core.Throttling;
using FileBridge.Functions.Auth;
using FileBridge.Functions.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Http;

/// <summary>
/// What every API request goes through, on Azure Functions and on the DevHost alike: <c>no-store</c>,
/// the rate limits, and a problem answer (logged by its severity) for any fault a function let escape.
/// The hosts adapt it in a few lines: <see cref="ApiPipelineMiddleware"/> and the DevHost's endpoints.
/// </summary>
public sealed partial class ApiPipeline(
    RateLimits limits,
    ClientAddressResolver addresses,
    RequestAuthenticator authenticator,
    RequestAudit audit,
    FileBridgeMetrics metrics,
    ILogger<ApiPipeline> logger)
{
    /// <summary>Azure Functions serves HTTP triggers under this prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    /// <summary>The limiter names of the <c>filebridge.throttled</c> metric and of <c>throttled</c> audit rows.</summary>
    public const string SignInsPerClientLimiter = "signins-per-client";

    /// <inheritdoc cref="SignInsPerClientLimiter"/>
    public const string RequestsLimiter = "requests";

    /// <inheritdoc cref="SignInsPerClientLimiter"/>
    public const string SignInsPerNameLimiter = "signins-per-name";

    /// <inheritdoc cref="SignInsPerClientLimiter"/>
    public const string PasswordChecksLimiter = "password-checks";

    public async Task InvokeAsync(HttpContext context, string functionName, Func<Task> function)
    {
        // API answers are per person or per moment; no cache may keep one.
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            if (await RefusalAsync(context, functionName) is { } refused)
            {
                await refused.ExecuteResultAsync(new ActionContext { HttpContext = context });
                return;
            }

            await function();
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var problem = FaultResults.For(exception, context.Response);
            LogFault(exception, functionName, problem.StatusCode ?? StatusCodes.Status500InternalServerError);
            await problem.ExecuteResultAsync(new ActionContext { HttpContext = context });
        }
    }

    private async Task<IActionResult?> RefusalAsync(HttpContext context, string functionName)
    {
        var (limiter, limiterName, key) = functionName switch
        {
            nameof(LoginFunction) => (limits.SignInsPerClient, SignInsPerClientLimiter, addresses.Resolve(context)),
            // Probes touch nothing, not even the session table.
            nameof(HealthFunction) or nameof(ReadinessFunction) => (limits.Requests, RequestsLimiter, "client:" + addresses.Resolve(context)),
            _ => (limits.Requests, RequestsLimiter, await CallerKeyAsync(context)),
        };
        if (limiter.TryAcquire(key) is { Allowed: false } decision)
        {
            LogThrottled(logger, functionName);
            metrics.Throttled(limiterName);
            // The session was read for the key already (cached); the probes and sign-ins are counted by address only.
            var user = functionName is nameof(LoginFunction) or nameof(HealthFunction) or nameof(ReadinessFunction)
                ? null
                : await authenticator.AuthenticateAsync(context.Request, context.RequestAborted);
            audit.PostThrottled(context, user?.Id, limiterName, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
            return Problems.RateLimited(context.Response, decision.RetryAfter);
        }

        return null;
    }

    // Signed-in people are counted as themselves (however many addresses they come from); anyone
    // else by address. A made-up cookie is no session: it is counted by address too.
    private async Task<string> CallerKeyAsync(HttpContext context) =>
        await authenticator.AuthenticateAsync(context.Request, context.RequestAborted) is { } user
            ? "user:" + user.Id
            : "client:" + addresses.Resolve(context);

    private void LogFault(Exception exception, string functionName, int status)
    {
        if (status >= StatusCodes.Status500InternalServerError && status != StatusCodes.Status503ServiceUnavailable)
        {
            LogUnexpected(logger, exception, functionName);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, functionName, exception.GetType().Name);
        }
        else
        {
            LogUnreadable(logger, functionName);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled fault in {FunctionName}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FunctionName} answered 503: a dependency is unavailable ({Fault})")]
    private static partial void LogUnavailable(ILogger logger, string functionName, string fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName} could not read its request")]
    private static partial void LogUnreadable(ILogger logger, string functionName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{FunctionName} refused: the caller is over its rate")]
    private static partial void LogThrottled(ILogger logger, string functionName);
}
