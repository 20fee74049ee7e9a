using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>An agent that stops (its stream reset mid-call) is routine: one information line, no stack trace, no warning.</summary>
public sealed class AgentDisconnectInfluxServerTests : IAsyncLifetime
{
    private readonly RecordingProvider _logs = new();
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _collector = await CollectorHost.StartAsync(_influx.Url, "--Logging:LogLevel:Default=Information");
        _collector.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task AgentStreamReset_OneInformationLine_NoStackTraceNoWarning()
    {
        var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        // What a stopping agent process does to its stream: RST_STREAM ("The client reset the request stream").
        agent.Dispose();

        await Poll.UntilAsync(() => _logs.Entries.Any(e => e.Message == $"Agent of site {CollectorHost.SiteId} disconnected"),
            TimeSpan.FromSeconds(20), "disconnect logged");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var entries = _logs.Entries;
        var line = Assert.Single(entries, e => e.Message.Contains("disconnected", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.All(entries, e => Assert.Null(e.Exception));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
    }

    private sealed class RecordingProvider : ILoggerProvider
    {
        private readonly List<(string Category, LogLevel Level, string Message, Exception? Exception)> _entries = [];

        public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return _entries.ToList();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._entries)
                {
                    owner._entries.Add((category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
