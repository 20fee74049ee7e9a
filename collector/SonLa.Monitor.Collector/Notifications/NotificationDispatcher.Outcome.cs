namespace SonLa.Monitor.Collector.Notifications;

// What an attempt's result does to its delivery: delivered, retried later, refused for good, or given up.
public sealed partial class NotificationDispatcher
{
    private void Record(Channels.INotificationChannel channel, PendingDelivery delivery, Channels.DeliveryResult result, long durationMs)
    {
        var now = _time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var error = result.Error is null ? null : channel.Redact(result.Error);
        var attempt = new DeliveryAttempt(delivery.DeliveryId, delivery.NotificationId, delivery.Channel, delivery.Recipient, now,
            result.Outcome.ToString().ToLowerInvariant(), result.Status, error, durationMs);
        switch (result.Outcome)
        {
            case Channels.DeliveryOutcome.Delivered:
                _store.Record(delivery, attempt, DeliveryState.Delivered, null);
                _metrics.Sent(delivery.Channel);
                NotificationLog.Delivered(_logger, delivery.NotificationId, delivery.Channel, attempts);
                return;

            case Channels.DeliveryOutcome.Permanent:
                _store.Record(delivery, attempt, DeliveryState.Failed, null);
                _metrics.FailedAttempt(delivery.Channel);
                _metrics.GivenUp(delivery.Channel);
                NotificationLog.Refused(_logger, delivery.NotificationId, delivery.Channel, attempts, error ?? "");
                return;

            default:
                var deadline = delivery.CreatedAt + TimeSpan.FromHours(_options.GiveUpAfterHours);
                _metrics.FailedAttempt(delivery.Channel);
                if (now >= deadline)
                {
                    _store.Record(delivery, attempt, DeliveryState.GivenUp, null);
                    _metrics.GivenUp(delivery.Channel);
                    NotificationLog.GivenUp(_logger, delivery.NotificationId, delivery.Channel, attempts,
                        (now - delivery.CreatedAt).TotalHours, error ?? "");
                    return;
                }

                // The last retry lands on the deadline itself, so a long back-off never cuts the retry window short.
                var next = now + _backoff.Delay(attempts, result.RetryAfter);
                if (next > deadline)
                {
                    next = deadline;
                }

                _store.Record(delivery, attempt, DeliveryState.Pending, next);
                // One warning per delivery, not one per retry over a day of back-off.
                if (attempts == 1)
                {
                    NotificationLog.FirstAttemptFailed(_logger, delivery.NotificationId, delivery.Channel, attempts, error ?? "");
                }
                else
                {
                    NotificationLog.Retrying(_logger, delivery.NotificationId, delivery.Channel, attempts, error ?? "",
                        (long)Math.Ceiling((next - now).TotalSeconds));
                }
                return;
        }
    }

    private void Abandon(PendingDelivery delivery, string reason)
    {
        _store.Abandon(delivery.DeliveryId, reason, _time.GetUtcNow());
        _metrics.GivenUp(delivery.Channel);
        NotificationLog.Abandoned(_logger, delivery.NotificationId, delivery.Channel, reason);
    }
}
