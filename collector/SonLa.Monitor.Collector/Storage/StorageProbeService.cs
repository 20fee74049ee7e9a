using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Hosting;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// Probes InfluxDB once at start-up (so a collector started while InfluxDB is down says so at
/// once, in the log and in /healthz) and then every Influx:ProbeSeconds while it is unreachable,
/// so "reachable again" shows even when no agent is sending. While InfluxDB is reachable the
/// writes themselves keep the state current and nothing is probed.
/// </summary>
public sealed class StorageProbeService : BackgroundService
{
    private readonly IMetricWriter _writer;
    private readonly StorageHealth _health;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly IHostApplicationLifetime _lifetime;

    public StorageProbeService(IMetricWriter writer, StorageHealth health, TimeProvider time, IOptions<InfluxOptions> options,
        IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        _lifetime = lifetime;
        _writer = writer;
        _health = health;
        _time = time;
        _interval = TimeSpan.FromSeconds(options.Value.ProbeSeconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await _lifetime.WaitUntilStartedAsync(stoppingToken))
        {
            return;
        }

        await ProbeAsync(stoppingToken);
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!_health.IsReachable)
                {
                    await ProbeAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    internal async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _writer.ProbeAsync(cancellationToken);
            _health.ReportSuccess(_writer.Target);
        }
        catch (StorageUnavailableException ex)
        {
            _health.ReportFailure(_writer.Target, ex.Message, ex.RetryAfter);
        }
        catch (StorageRejectedException)
        {
            // An empty write refused as bad request: InfluxDB answers, so it is reachable.
            _health.ReportSuccess(_writer.Target);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
