using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Hosting;
using SonLa.Monitor.Collector.Notifications.Channels;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// <see cref="Enqueue"/> writes the notification and one pending delivery per routed channel recipient to SQLite in
/// one transaction (a known Id is ignored: deduplication across restarts) and wakes the background loop, which
/// delivers due rows concurrently (at most <c>MaxConcurrentDeliveries</c>), retries failures with jittered exponential
/// back-off and gives up after <c>GiveUpAfterHours</c>. Pending rows survive a restart and resume; delivered ones are
/// never sent again. Every attempt lands in the delivery log (<see cref="IDeliveryLog"/>).
/// </summary>
public sealed partial class NotificationDispatcher : BackgroundService, INotificationDispatcher
{
    /// <summary>Longest id accepted (ids are the deduplication key, e.g. "alert-42-firing").</summary>
    public const int MaxIdLength = 200;

    /// <summary>How often old notifications and delivery-log rows are pruned.</summary>
    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private static readonly TimeSpan LoopErrorDelay = TimeSpan.FromSeconds(5);

    private readonly NotificationStore _store;
    private readonly NotificationChannels _channels;
    private readonly Dictionary<string, INotificationChannel> _byName;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly NotificationMetrics _metrics;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly RetryBackoff _backoff;
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly IHostApplicationLifetime? _lifetime;

    public NotificationDispatcher(NotificationStore store, NotificationChannels channels, IOptions<NotificationOptions> options,
        TimeProvider time, NotificationMetrics metrics, ILogger<NotificationDispatcher> logger, IHostApplicationLifetime? lifetime = null)
    {
        _lifetime = lifetime;
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _channels = channels;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _byName = channels.All.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _backoff = new RetryBackoff(TimeSpan.FromSeconds(_options.RetryInitialSeconds), TimeSpan.FromSeconds(_options.RetryMaxSeconds));
        foreach (var channel in channels.All)
        {
            metrics.Register(channel.Name);
        }
    }

    public void Enqueue(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Id);
        if (notification.Id.Length > MaxIdLength)
        {
            throw new ArgumentException($"Notification ids are at most {MaxIdLength} characters.", nameof(notification));
        }

        var targets = _channels.All
            .Where(c => c.Route.Matches(notification))
            .SelectMany(c => c.Recipients.Select(r => (c.Name, r)))
            .ToList();
        if (!_store.Add(notification, targets, _time.GetUtcNow()))
        {
            _metrics.DuplicateIgnored();
            NotificationLog.Duplicate(_logger, notification.Id);
            return;
        }

        _metrics.NotificationEnqueued();
        if (targets.Count == 0)
        {
            NotificationLog.Unrouted(_logger, notification.Id, notification.Rule, notification.Kind.ToString());
            return;
        }

        NotificationLog.Enqueued(_logger, notification.Id, notification.Rule, notification.Kind.ToString(), targets.Count);
        Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // Nothing is sent by a collector that fails to start.
        if (_lifetime is not null && !await _lifetime.WaitUntilStartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        NotificationLog.Configured(_logger, _channels.All.Count, string.Join(", ", _channels.All.Select(c => $"{c.Name} ({c.Type})")));
        var lastPrune = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A new signal before looking at the table: an Enqueue from now on wakes the wait below.
                var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _wake, wake);
                TimeSpan wait;
                try
                {
                    var now = _time.GetUtcNow();
                    if (now - lastPrune >= PruneInterval)
                    {
                        Prune(now);
                        lastPrune = now;
                    }

                    wait = StartDue(now, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    NotificationLog.LoopFailed(_logger, ex.GetType().Name, ex.Message, (int)LoopErrorDelay.TotalSeconds);
                    wait = LoopErrorDelay;
                }

                if (wait > TimeSpan.Zero)
                {
                    await WaitAsync(wake.Task, wait, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // In-flight attempts see the same token; an attempt cut short is not recorded and runs again after a restart.
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
        }
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>Starts what is due; returns how long the loop may sleep (zero: look again at once).</summary>
    private TimeSpan StartDue(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var free = _options.MaxConcurrentDeliveries - _inFlight.Count;
        if (free > 0)
        {
            var inFlight = _inFlight.Keys.ToHashSet();
            foreach (var delivery in _store.Due(now, free, inFlight))
            {
                var task = DeliverSafelyAsync(delivery, stoppingToken);
                if (!task.IsCompleted)
                {
                    _inFlight[delivery.DeliveryId] = task;
                    _ = task.ContinueWith(_ =>
                    {
                        _inFlight.TryRemove(delivery.DeliveryId, out Task? _);
                        Wake();
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }

        if (_inFlight.Count >= _options.MaxConcurrentDeliveries)
        {
            _metrics.SetPending(_store.PendingCount());
            return PruneInterval; // a finishing attempt wakes the loop
        }

        _metrics.SetPending(_store.PendingCount());
        var next = _store.NextDue(_inFlight.Keys.ToHashSet());
        if (next is null)
        {
            return PruneInterval;
        }

        var wait = next.Value - _time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : (wait < PruneInterval ? wait : PruneInterval);
    }

    private async Task WaitAsync(Task wake, TimeSpan wait, CancellationToken stoppingToken)
    {
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, _time, delayCancel.Token);
        await Task.WhenAny(wake, delay).ConfigureAwait(false);
        await delayCancel.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private void Prune(DateTimeOffset now)
    {
        var (notifications, attempts) = _store.Prune(now, TimeSpan.FromDays(_options.LogRetentionDays), _options.LogMaxAttempts);
        if (notifications + attempts > 0)
        {
            NotificationLog.Pruned(_logger, notifications, attempts);
        }
    }

    private async Task DeliverSafelyAsync(PendingDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            // Off the loop's thread: a channel's synchronous start (DNS, TLS set-up) never delays other deliveries.
            await Task.Yield();
            await DeliverAsync(delivery, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            NotificationLog.LoopFailed(_logger, ex.GetType().Name, ex.Message, (int)LoopErrorDelay.TotalSeconds);
        }
    }

    private async Task DeliverAsync(PendingDelivery delivery, CancellationToken stoppingToken)
    {
        if (!_byName.TryGetValue(delivery.Channel, out var channel))
        {
            Abandon(delivery, $"channel '{delivery.Channel}' is no longer configured");
            return;
        }

        if (delivery.Notification is null)
        {
            Abandon(delivery, "the stored notification could not be read");
            return;
        }

        if (!channel.Recipients.Contains(delivery.Recipient, StringComparer.Ordinal))
        {
            Abandon(delivery, $"recipient '{delivery.Recipient}' is no longer configured for this channel");
            return;
        }

        var started = Stopwatch.GetTimestamp();
        DeliveryResult result;
        try
        {
            result = await channel.SendAsync(delivery.Notification, delivery.Recipient, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A channel bug is a failed attempt, retried like any other, never the end of the loop.
            result = DeliveryResult.Retry($"{ex.GetType().Name}: {HttpDelivery.Excerpt(ex.Message)}");
        }

        Record(channel, delivery, result, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
