using FileBridge.DevHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>The pipeline contract through the DevHost's endpoints, over HTTP on loopback.</summary>
public sealed class DevHostPipelineTests : ApiPipelineContract, IAsyncLifetime
{
    private static readonly string[] FunctionNames = ["ListFilesFunction", "MeFunction", "LoginFunction"];
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        PipelineServices.Add(builder.Services.AddMvcCore().Services);
        _app = builder.Build();
        _app.MapFunctions(
            from name in FunctionNames
            from probe in typeof(ProbeFunctions).GetMethods().Where(m => m.DeclaringType == typeof(ProbeFunctions))
            select new FunctionRoute(name, $"{name}/{probe.Name}", ["get"], probe));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    protected override async Task<PipelineAnswer> SendAsync(string functionName, string probe)
    {
        using var response = await _client!.GetAsync($"/api/{functionName}/{probe}");
        return new PipelineAnswer(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.CacheControl?.ToString(),
            response.Headers.RetryAfter?.Delta is { } delta ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            await response.Content.ReadAsStringAsync());
    }
}
