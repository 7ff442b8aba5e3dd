using FileBridge.Functions;
using FileBridge.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiPipelineMiddleware>();
builder.AddFileBridgeApi();

builder.Build().Run();
