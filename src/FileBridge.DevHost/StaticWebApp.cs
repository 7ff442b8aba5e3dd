using FileBridge.Functions.Http;
using Microsoft.Extensions.FileProviders;

namespace FileBridge.DevHost;

/// <summary>Serves src/FileBridge.Web on the API's origin, as Azure Static Web Apps with a linked backend would.</summary>
public static class StaticWebApp
{
    public static WebApplication UseStaticWebApp(this WebApplication app, string webRoot)
    {
        var config = StaticWebAppConfig.Load(webRoot);
        var files = new PhysicalFileProvider(webRoot);

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in config.GlobalHeaders)
                {
                    context.Response.Headers[name] = value;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        app.Use((context, next) =>
        {
            // Azure Static Web Apps never serves its own configuration file; neither do we.
            if (context.Request.Path.Equals("/" + StaticWebAppConfig.FileName, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = NoCacheForPages });

        // Unknown API routes answer a problem, not the page.
        app.MapFallback($"/{FunctionEndpoints.RoutePrefix}/{{**rest}}", () => Results.Problem(
            statusCode: StatusCodes.Status404NotFound, title: "No such API route.",
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.NotFound }));
        // Deep links such as /browse/projects/ are the page's own routes: serve the page.
        app.MapFallbackToFile(config.NavigationFallback.TrimStart('/'), new StaticFileOptions { FileProvider = files, OnPrepareResponse = NoCacheForPages });
        return app;
    }

    /// <summary>The folder holding the page: DevHost:WebRoot, else src/FileBridge.Web found upward from here.</summary>
    public static string ResolveWebRoot(IConfiguration configuration)
    {
        if (configuration["DevHost:WebRoot"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "FileBridge.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Cannot find src/FileBridge.Web; set DevHost:WebRoot (environment variable DevHost__WebRoot).");
    }

    private static void NoCacheForPages(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        // Modules change with every edit during development; always revalidate.
        context.Context.Response.Headers.CacheControl = "no-cache";
    }
}
