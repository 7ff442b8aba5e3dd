using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FileBridge.Testing;

/// <summary>
/// Keeps every log line an in-process host writes, formatted as the console shows them (level, category,
/// message, exception), so tests can count events or prove that no secret was logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Output => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}";
            lines.Enqueue(exception is null ? line : line + "\n" + exception);
        }
    }
}
