using FileBridge.DevHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using FileBridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FileBridge.Functions.Tests.Pipeline;

/// <summary>The pipeline contract through the DevHost's endpoints, over HTTP on loopback.</summary>
public sealed class DevHostPipelineTests : ApiPipelineContract, IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        PipelineServices.Add(builder.Services.AddMvcCore().Services);
        _app = builder.Build();
        _app.MapFunctions(ProbeFunctions.Probes().Select(probe => new FunctionRoute(probe.Name, probe.Name, ["get", "post", "delete"], probe)));
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

    protected override RecordingAuditLog AuditLog => _app!.Services.GetRequiredService<RecordingAuditLog>();

    protected override int SessionReads => _app!.Services.GetRequiredService<PipelineSessions>().Reads;

    protected override string SocketAddress => "127.0.0.1";

    protected override async Task<PipelineAnswer> SendAsync(PipelineRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), $"/api/{request.Probe}{request.Query}");
        foreach (var (name, value) in request.Headers())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _client!.SendAsync(message);
        return new PipelineAnswer(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.CacheControl?.ToString(),
            response.Headers.RetryAfter?.Delta is { } delta ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            await response.Content.ReadAsStringAsync());
    }
}
