using System.Diagnostics;
using FileBridge.Core.DependencyInjection;
using FileBridge.Core.Login;
using FileBridge.Functions.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FileBridge.Core.Tests.Telemetry;

/// <summary>
/// Review finding 1: the name typed at sign-in (perhaps a password typed into the wrong field) reached Application
/// Insights in the URL of the Users table's point read. A sign-in against the real Azurite, every span, metric and
/// log record collected in memory: the name is in none of them.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SignInTelemetryTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly CapturingLoggerProvider _logs = new();
    private IHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    [Fact]
    public async Task SignIn_WithAUniqueUnknownName_LeavesItInNoSpanMetricOrLog()
    {
        var typed = "Typed" + Guid.NewGuid().ToString("N");
        var login = await StartAsync();

        var outcome = await login.LoginAsync(typed, "a wrong password", CancellationToken.None);
        Flush();

        Assert.IsType<LoginOutcome.InvalidCredentials>(outcome);
        Assert.NotEmpty(_spans);
        Assert.Contains(_spans, span => span.GetTagItem("url.full") is string url && url.Contains("(…)", StringComparison.Ordinal));
        Assert.DoesNotContain(_spans.SelectMany(SpanTexts), text => Holds(text, typed));
        Assert.DoesNotContain(_metrics.SelectMany(MetricTexts), text => Holds(text, typed));
        Assert.NotEmpty(_logs.Texts);
        Assert.DoesNotContain(_logs.Texts, text => Holds(text, typed));
    }

    [Theory]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Users(PartitionKey='ada',RowKey='ada')", "http://127.0.0.1:10002/devstoreaccount1/Users(…)")]
    [InlineData("https://acct.table.core.windows.net/Sessions(PartitionKey='ab',RowKey='ab')?$select=x", "https://acct.table.core.windows.net/Sessions(…)")]
    [InlineData("https://acct.table.core.windows.net/Users()?$filter=UserId%20eq%20'ada'", "https://acct.table.core.windows.net/Users(…)")]
    [InlineData("GET", "GET")]
    public void Redact_RemovesKeysAndQueries(string text, string expected)
    {
        Assert.Equal(expected, TableKeyRedactionProcessor.Redact(text));
    }

    private static bool Holds(string text, string typed) => text.Contains(typed, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> SpanTexts(Activity span)
    {
        yield return span.DisplayName;
        yield return span.OperationName;
        foreach (var tag in span.TagObjects)
        {
            yield return $"{tag.Key}={tag.Value}";
        }

        foreach (var activityEvent in span.Events)
        {
            yield return activityEvent.Name;
            foreach (var tag in activityEvent.Tags)
            {
                yield return $"{tag.Key}={tag.Value}";
            }
        }
    }

    private static IEnumerable<string> MetricTexts(Metric metric)
    {
        yield return metric.Name;
        var texts = new List<string>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                texts.Add($"{tag.Key}={tag.Value}");
            }
        }

        foreach (var text in texts)
        {
            yield return text;
        }
    }

    private async Task<LoginService> StartAsync()
    {
        var connection = Environment.GetEnvironmentVariable("Users__ConnectionString")
            ?? throw new InvalidOperationException("Users__ConnectionString is not set: start Azurite (scripts/azurite.sh) and source .local/azurite.env.");
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Users:ConnectionString"] = connection,
            ["Users:TableName"] = "TelUsers" + suffix,
            ["Sessions:TableName"] = "TelSessions" + suffix,
            ["Login:AttemptsTableName"] = "TelAttempts" + suffix,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(_logs);
        builder.AddFileBridgeSessions();
        FileBridgeTelemetryExtensions.AddSignals(builder.Services.AddOpenTelemetry())
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));
        _host = builder.Build();
        await _host.StartAsync();
        // The users table exists, as in any deployment: the point read is a real request with the name in its URL.
        await _host.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().CreateTableIfNotExistsAsync("TelUsers" + suffix);
        return _host.Services.GetRequiredService<LoginService>();
    }

    private void Flush()
    {
        _host!.Services.GetRequiredService<MeterProvider>().ForceFlush();
        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    /// <summary>Every log record's message and state values, as an exporter would see them.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _texts = [];

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (_texts)
                {
                    return [.. _texts];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void Dispose()
        {
        }

        private void Add(string text)
        {
            lock (_texts)
            {
                _texts.Add(text);
            }
        }

        private sealed class Capturing(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                provider.Add(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        provider.Add($"{key}={value}");
                    }
                }

                if (exception is not null)
                {
                    provider.Add(exception.ToString());
                }
            }
        }
    }
}
