namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>Runs <see cref="OutageRecorder.Tick"/> every <see cref="OutageOptions.TickSeconds"/>.</summary>
public sealed class OutageService(OutageRecorder recorder, Microsoft.Extensions.Options.IOptions<OutageOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                recorder.Tick(time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
