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

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<SelfCheckReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var report = await SelfCheckSession.RunAsync(options, time, outbox, cancellationToken);
            sink.Write(SelfCheckPoints.From(report), []);
            state.Publish(report);
            AgentLog.SelfCheckCompleted(logger, (int)report.Status, report.Count(CheckStatus.Warn), report.Count(CheckStatus.Fail));
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
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
