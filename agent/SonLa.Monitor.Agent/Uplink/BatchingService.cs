using Microsoft.Extensions.Hosting;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Closes a batch every BatchSeconds so data waits at most that long before it is queued; flushes on stop.</summary>
public sealed class BatchingService(SampleBatcher batcher, TimeSpan period, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                batcher.Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            batcher.Flush();
        }
    }
}
