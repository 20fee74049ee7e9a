namespace SonLa.Monitor.Collector.Notifications.Channels;

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Worth trying again later (timeout, 5xx, 408, 429, connection refused, an error reported in the body).</summary>
    Retry,

    /// <summary>Trying again would fail the same way (4xx such as 400/401/403/404, SMTP 5xx): stop.</summary>
    Permanent,
}
