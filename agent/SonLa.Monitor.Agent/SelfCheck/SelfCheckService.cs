using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Uplink;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>run</c>'s scheduled self-check: once five minutes after start, then every <c>SelfCheck:IntervalMinutes</c>; the results
/// go out as <c>selfcheck</c> points through the outbox like every other sample, so they reach the collector after an
/// outage. <see cref="RunOnceAsync"/> is also the entry point for a self-check asked for by the collector.
/// </summary>
public sealed class SelfCheckService(AgentOptions options, ISampleSink sink, IOutbox outbox, SelfCheckState state, TimeProvider time,
    ILogger<SelfCheckService> logger) : BackgroundService
{
    /// <summary>
    /// Lets the other jobs start and the link settle after a reboot (power back, router still booting) before the first
    /// self-check; staff who want one sooner run the command or press the status page's button.
    /// </summary>
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task<SelfCheckReport>? _running;
    private long _runs;
    private int _disposed;

    /// <summary>Self-checks actually run (a caller that joined a running one does not count).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>
    /// Runs a self-check now, or, when one is already running (the schedule, the status page's button, the collector),
    /// answers with that one's report: two at once would only compete for the same devices and link. The run belongs to
    /// the service, not to the caller: a caller that gives up does not cut it short for the others.
    /// </summary>
    public Task<SelfCheckReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        Task<SelfCheckReport> run;
        lock (_gate)
        {
            if (_running is not { IsCompleted: false })
            {
                var stopping = _stopping.Token;
                _running = Task.Run(() => RunNowAsync(stopping), CancellationToken.None);
            }

            run = _running;
        }

        return run.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        // Twice in run: the container disposes the singleton and the hosted-service registration that returns it.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }

        base.Dispose();
    }

    private async Task<SelfCheckReport> RunNowAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        var report = await SelfCheckSession.RunAsync(options, time, outbox, cancellationToken);
        sink.Write(SelfCheckPoints.From(report), []);
        state.Publish(report);
        AgentLog.SelfCheckCompleted(logger, (int)report.Status, report.Count(CheckStatus.Warn), report.Count(CheckStatus.Fail));
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SelfCheck.IntervalMinutes <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.SelfCheck.IntervalMinutes), time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
