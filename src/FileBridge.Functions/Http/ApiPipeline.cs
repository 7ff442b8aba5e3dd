using FileBridge.Core.Sessions;
using FileBridge.Core.Telemetry;
using FileBridge.Functions.Http.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Http;

/// <summary>
/// What every API request goes through, on Azure Functions and on the DevHost alike: <c>no-store</c>, the policy
/// its function declares (<see cref="EndpointPolicyAttribute"/>), and a problem answer (logged by its severity) for
/// any fault a function let escape. The hosts adapt it in a few lines: <see cref="ApiPipelineMiddleware"/> and the
/// DevHost's endpoints.
/// </summary>
public sealed partial class ApiPipeline(
    EndpointPolicies policies,
    IServiceProvider services,
    FrontDoorCheck frontDoor,
    RequestLimiters limiters,
    ClientAddressResolver addresses,
    OriginPolicy origins,
    RequestAudit audit,
    FileBridgeMetrics metrics,
    ILogger<ApiPipeline> logger)
{
    /// <summary>Azure Functions serves HTTP triggers under this prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    public async Task InvokeAsync(HttpContext context, string functionName, Func<Task> function)
    {
        ArgumentNullException.ThrowIfNull(context);
        // API answers are per person or per moment; no cache may keep one.
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            if (await RefusalAsync(context, functionName, policies.For(functionName)) is { } refused)
            {
                await refused.ExecuteResultAsync(new ActionContext { HttpContext = context });
                return;
            }

            // Read only if the function starts a session (a sign-in, a finished step, a re-authentication).
            AmbientSessionOrigin.Set(() => SessionOriginReader.Read(context.Request, addresses));
            await function();
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var problem = FaultResults.For(exception, context.Response);
            LogFault(exception, functionName, problem.StatusCode ?? StatusCodes.Status500InternalServerError);
            await problem.ExecuteResultAsync(new ActionContext { HttpContext = context });
        }
    }

    // In this order: the front door, who calls (so that the limit counts them), the rate, the origin, whether
    // they may call, the query. Nothing after a refusal runs, and no refusal costs a password check or AWS call.
    private async Task<ObjectResult?> RefusalAsync(HttpContext context, string functionName, EndpointPolicyAttribute policy)
    {
        EndpointPolicies.Apply(context, policy);
        if (!policy.OutsideFrontDoor && !frontDoor.Admits(context.Request))
        {
            LogRefused(logger, functionName, "not through the front door");
            return Problems.ForbiddenOrigin();
        }

        var caller = services.GetRequiredKeyedService<ICallerRequirement>(policy.Caller);
        await caller.IdentifyAsync(context);
        if (Throttled(context, functionName, policy.Limiter) is { } throttled)
        {
            return throttled;
        }

        if (IsStateChanging(context.Request.Method) && !origins.Allows(context.Request))
        {
            LogRefused(logger, functionName, "cross-site origin");
            return Problems.ForbiddenOrigin();
        }

        if (caller.Refusal(context) is { } refusal)
        {
            LogRefused(logger, functionName, "caller requirement " + policy.Caller);
            return refusal;
        }

        return QueryParameters.FirstRepeated(context.Request, policy.SingleValued) is { } repeated
            ? audit.Refused(context, Problems.BadRequest($"{repeated} must be given at most once."))
            : null;
    }

    // Identified people are counted as themselves (however many addresses they come from); anyone else by
    // address. A made-up cookie is no session: it is counted by address too.
    private ObjectResult? Throttled(HttpContext context, string functionName, string limiterName)
    {
        var user = RequestCaller.Identified(context);
        var key = user is null ? "client:" + addresses.Resolve(context) : "user:" + user.Id;
        if (limiters.For(limiterName).TryAcquire(key) is not { Allowed: false } decision)
        {
            return null;
        }

        LogThrottled(logger, functionName);
        metrics.Throttled(limiterName);
        audit.PostThrottled(context, user?.Id, limiterName, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
        return Problems.RateLimited(context.Response, decision.RetryAfter);
    }

    private static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "{FunctionName} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string functionName, string reason);
}
