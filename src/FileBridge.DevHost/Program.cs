using FileBridge.DevHost;
using FileBridge.Functions;
using FileBridge.Functions.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Options;

// Content root = the build output, so appsettings.json is found wherever the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Same origin as `func start`, unless --urls or ASPNETCORE_URLS says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:7071");
}

// Measurement only: the benchmarks compare a listing with and without the audit trail.
if (builder.Configuration.GetValue<bool>("DevHost:DisableAudit"))
{
    builder.Services.AddSingleton<FileBridge.Core.Audit.IAuditLog, NoAuditLog>();
}

builder.AddFileBridgeApi();
// DevHost:ConsoleTelemetry=true prints the broker's metrics and spans; APPLICATIONINSIGHTS_CONNECTION_STRING exports them.
var console = builder.Configuration.GetValue<bool>(TelemetryOptions.ConsoleSetting);
builder.AddFileBridgeTelemetry(
    telemetry =>
    {
        telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation());
        if (console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
    },
    hostExports: console);
var functions = typeof(FileBridgeApiExtensions).Assembly;
builder.Services.AddSingleton<IReadOnlyList<FunctionTimer>>(FunctionTimerTable.Discover(functions));
builder.Services.AddHostedService<FunctionTimers>();
builder.Services.AddMvcCore();
builder.Services.AddProblemDetails();

var app = builder.Build();
// API faults are answered by ApiPipeline; this only covers the static files.
app.UseExceptionHandler();
app.UseStaticWebApp(StaticWebApp.ResolveWebRoot(app.Configuration));
app.MapFunctions(FunctionRouteTable.Discover(functions));

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

// Public so that tests can host this very program in-process (WebApplicationFactory<Program>).
public partial class Program;
