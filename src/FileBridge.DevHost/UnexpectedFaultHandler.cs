using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.DevHost;

/// <summary>Answers faults that escaped a function the way the Functions app does (<see cref="FaultResults"/>).</summary>
public sealed partial class UnexpectedFaultHandler(ILogger<UnexpectedFaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = FaultResults.For(exception, httpContext.Response);
        if (result.StatusCode >= 500)
        {
            LogFault(logger, exception, httpContext.Request.Path);
        }

        await result.ExecuteResultAsync(new ActionContext { HttpContext = httpContext });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled fault serving {Path}")]
    private static partial void LogFault(ILogger logger, Exception exception, PathString path);
}
