extern alias DevHost;

using System.Net;
using FileBridge.Core.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FileBridge.Testing;

/// <summary>
/// The DevHost's own <c>Program</c> hosted in the test process: the same services and pipeline, configured only
/// through settings, against the real Azurite and the real local S3/STS endpoint. It serves on
/// <see cref="TestServer"/> (no socket), or on Kestrel at a free loopback port for clients that need a real one
/// (a browser). A test that needs time to pass hands in a <see cref="TestClock"/> (or any
/// <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>): the app then takes all its time from it and
/// the test advances it instead of sleeping.
/// </summary>
public sealed class InProcessDevHost : IAppHost
{
    /// <summary>
    /// The audit writer's gathering in the test hosts: a test that reads the rows waits this long, not the app's
    /// quarter second. Batching itself is proved by the writer's own tests.
    /// </summary>
    private static readonly AuditGathering TestAuditGathering = new(TimeSpan.FromMilliseconds(10));

    private readonly Factory _factory;

    private InProcessDevHost(Factory factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    /// <summary>What the app sees as its own origin: TestServer's, or Kestrel's loopback address and port.</summary>
    public Uri BaseAddress { get; }

    public string Output => _factory.Logs.Output;

    /// <summary>
    /// Builds and starts the app on TestServer. <paramref name="time"/> replaces the system clock everywhere in the
    /// app. Throws what the app throws at start-up (e.g. an invalid setting).
    /// </summary>
    public static InProcessDevHost Start(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null) =>
        Start(settings, time, kestrel: false);

    /// <summary>As <see cref="Start(IReadOnlyDictionary{string, string?}, TimeProvider?)"/>, with the AWS clients' HTTP layer of the caller's (call counting).</summary>
    public static InProcessDevHost Start(IReadOnlyDictionary<string, string?> settings, TimeProvider? time, Amazon.Runtime.HttpClientFactory awsHttp) =>
        Start(settings, time, kestrel: false, awsHttp);

    /// <summary>As <see cref="Start(IReadOnlyDictionary{string, string?}, TimeProvider?)"/>, on Kestrel at a free loopback port.</summary>
    public static InProcessDevHost StartOnKestrel(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null) =>
        Start(settings, time, kestrel: true);

    private static InProcessDevHost Start(IReadOnlyDictionary<string, string?> settings, TimeProvider? time, bool kestrel, Amazon.Runtime.HttpClientFactory? awsHttp = null)
    {
        var factory = new Factory(settings, time, awsHttp);
        try
        {
            if (kestrel)
            {
                factory.UseKestrel(kestrelOptions => kestrelOptions.Listen(IPAddress.Loopback, 0));
                factory.StartServer();
                var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                return new InProcessDevHost(factory, new Uri(address.TrimEnd('/') + "/"));
            }

            _ = factory.Services;
            return new InProcessDevHost(factory, new Uri("http://localhost/"));
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = BaseAddress,
    });

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, TimeProvider? time, Amazon.Runtime.HttpClientFactory? awsHttp)
        : WebApplicationFactory<DevHost::Program>
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // What people run: no ASPNETCORE_ENVIRONMENT, so Production (no developer exception page).
            builder.UseEnvironment(Environments.Production);
            builder.ConfigureAppConfiguration((_, configuration) =>
            {
                var all = new Dictionary<string, string?>(settings)
                {
                    ["DevHost:WebRoot"] = settings.TryGetValue("DevHost:WebRoot", out var webRoot) && webRoot is not null
                        ? webRoot
                        : Path.Combine(TestEnvironment.RepoRoot, "src", "FileBridge.Web"),
                };
                configuration.AddInMemoryCollection(all);
            });
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
            builder.ConfigureTestServices(registrations =>
            {
                registrations.AddSingleton<IStartupFilter, LoopbackClientAddress>();
                registrations.Replace(ServiceDescriptor.Singleton(TestAuditGathering));
                if (time is not null)
                {
                    registrations.RemoveAll<TimeProvider>();
                    registrations.AddSingleton(time);
                }

                if (awsHttp is not null)
                {
                    registrations.AddSingleton(awsHttp);
                }
            });
        }
    }

    /// <summary>TestServer has no socket; the app sees the loopback address a local client would have.</summary>
    private sealed class LoopbackClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }
}
