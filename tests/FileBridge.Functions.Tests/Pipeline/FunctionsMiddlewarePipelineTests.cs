using System.Net;
using FileBridge.Functions.Http;
using FileBridge.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>The pipeline contract through the Functions worker middleware, in-process.</summary>
public sealed class FunctionsMiddlewarePipelineTests : ApiPipelineContract
{
    private readonly ServiceProvider _services = PipelineServices.Add(new ServiceCollection().AddMvcCore().Services).BuildServiceProvider();

    protected override RecordingAuditLog AuditLog => _services.GetRequiredService<RecordingAuditLog>();

    protected override int SessionReads => _services.GetRequiredService<PipelineSessions>().Reads;

    protected override string SocketAddress => "127.0.0.1";

    protected override async Task<PipelineAnswer> SendAsync(PipelineRequest request)
    {
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Method = request.Method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1", 7071);
        http.Request.Path = $"/api/{request.Probe}";
        http.Request.QueryString = new QueryString(request.Query.Length > 0 ? request.Query : null);
        foreach (var (name, value) in request.Headers())
        {
            http.Request.Headers.Append(name, value);
        }

        var context = new TestFunctionContext(request.Probe, http, _services);
        var middleware = new ApiPipelineMiddleware(_services.GetRequiredService<ApiPipeline>());

        // As the worker does: run the function, then write the IActionResult it returned.
        await middleware.Invoke(context, async _ =>
        {
            var function = _services.GetRequiredService<ProbeFunctions>();
            var result = (IActionResult)typeof(ProbeFunctions).GetMethod(request.Probe)!
                .Invoke(function, System.Reflection.BindingFlags.DoNotWrapExceptions, null, [http.Request], null)!;
            await result.ExecuteResultAsync(new ActionContext { HttpContext = http });
        });

        http.Response.Body.Position = 0;
        using var reader = new StreamReader(http.Response.Body);
        return new PipelineAnswer(
            (HttpStatusCode)http.Response.StatusCode,
            http.Response.ContentType?.Split(';')[0],
            http.Response.Headers.CacheControl.ToString(),
            http.Response.Headers.RetryAfter.Count > 0 ? http.Response.Headers.RetryAfter.ToString() : null,
            await reader.ReadToEndAsync());
    }
}
