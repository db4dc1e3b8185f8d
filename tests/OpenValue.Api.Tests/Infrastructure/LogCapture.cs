using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenValue.Api.Tests.Infrastructure;

/// <summary>Keeps every line the test host logs, so tests can check what reaches a log and at which level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedLine> lines = new();

    public IReadOnlyList<LoggedLine> Lines => [.. lines];

    public int Count => lines.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<LoggedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Every level a logger writes at; None is never written (Wolverine passes it for messages it mutes).
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState,
            Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines.Enqueue(new LoggedLine(logLevel, category, formatter(state, exception)
                    + (exception is null ? "" : "\n" + exception)));
        }
    }
}
