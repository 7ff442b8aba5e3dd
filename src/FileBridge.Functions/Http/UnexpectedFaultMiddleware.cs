using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace FileBridge.Functions.Http;

/// <summary>
/// Answers a fault that escaped a function with a problem (<see cref="FaultResults"/>): the host's own
/// error answer could carry exception details, and the contract promises no internals in the body.
/// </summary>
public sealed partial class UnexpectedFaultMiddleware(ILogger<UnexpectedFaultMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { Response.HasStarted: false } httpContext
                                          && !httpContext.RequestAborted.IsCancellationRequested)
        {
            LogFault(logger, exception, context.FunctionDefinition.Name);
            var problem = FaultResults.For(exception, httpContext.Response);
            await problem.ExecuteResultAsync(new ActionContext { HttpContext = httpContext });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled fault in {FunctionName}")]
    private static partial void LogFault(ILogger logger, Exception exception, string functionName);
}
