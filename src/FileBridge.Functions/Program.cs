using FileBridge.Functions;
using FileBridge.Functions.Http;
using FileBridge.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiPipelineMiddleware>();
builder.AddFileBridgeApi();
builder.AddFileBridgeTelemetry(telemetry => telemetry.UseFunctionsWorkerDefaults());

builder.Build().Run();
