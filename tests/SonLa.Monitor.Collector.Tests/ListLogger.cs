using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Collector.Tests;

/// <summary>Keeps formatted log lines in memory.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, int EventId, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
