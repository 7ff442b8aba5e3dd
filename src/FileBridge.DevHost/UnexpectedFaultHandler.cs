using FileBridge.Functions.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FileBridge.DevHost;

/// <summary>Turns faults into problem responses: 400 for requests Kestrel couldn't read, else a bare 500.</summary>
public sealed partial class UnexpectedFaultHandler(ILogger<UnexpectedFaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception is BadHttpRequestException bad
            ? Problems.Create(bad.StatusCode, ErrorCodes.BadRequest, "The request could not be read.")
            : Problems.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Something went wrong on our side.");
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
