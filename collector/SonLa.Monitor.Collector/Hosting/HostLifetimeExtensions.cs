namespace SonLa.Monitor.Collector.Hosting;

/// <summary>
/// Background services that log or act on their own (storage probe, alert engine, notification delivery) wait for the
/// collector to be up first: our hosted services start before Kestrel binds its ports, and a collector that then fails
/// to start (port in use, certificate missing) must print its one-line error and nothing else, and send nothing.
/// </summary>
public static class HostLifetimeExtensions
{
    /// <summary>True once the application has started; false when <paramref name="stoppingToken"/> fires first.</summary>
    public static async Task<bool> WaitUntilStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
