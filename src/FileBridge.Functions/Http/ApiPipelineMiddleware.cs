using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FileBridge.Functions.Http;

/// <summary>The Functions worker's adapter to <see cref="ApiPipeline"/>; non-HTTP invocations pass straight through.</summary>
public sealed class ApiPipelineMiddleware(ApiPipeline pipeline) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next) =>
        context.GetHttpContext() is { } httpContext
            ? pipeline.InvokeAsync(httpContext, context.FunctionDefinition.Name, () => next(context))
            : next(context);
}
