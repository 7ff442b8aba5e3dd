using FileBridge.DevHost;
using FileBridge.Functions;
using Microsoft.Extensions.Options;

// Content root = the build output, so appsettings.json is found wherever the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Same origin as `func start`, unless --urls or ASPNETCORE_URLS says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:7071");
}

builder.AddFileBridgeApi();
builder.Services.AddMvcCore();
builder.Services.AddProblemDetails();

var app = builder.Build();
// API faults are answered by ApiPipeline; this only covers the static files.
app.UseExceptionHandler();
app.UseStaticWebApp(StaticWebApp.ResolveWebRoot(app.Configuration));
app.MapFunctions(FunctionRouteTable.Discover(typeof(FileBridgeApiExtensions).Assembly));

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" })
{
    // A wrong setting is the operator's to fix: say which one, without a stack trace.
    await Console.Error.WriteLineAsync($"FileBridge cannot start: {e.Message}");
    return 1;
}
