namespace SonLa.Monitor.Collector.Notifications;

/// <summary>The state of one delivery (a notification to one channel recipient), as stored and shown.</summary>
public static class DeliveryState
{
    /// <summary>Not delivered yet; tried again at its next attempt time (also after a restart).</summary>
    public const string Pending = "pending";

    public const string Delivered = "delivered";

    /// <summary>Refused for good (e.g. HTTP 400/401/404, SMTP 5xx): not retried.</summary>
    public const string Failed = "failed";

    /// <summary>Still failing when <c>Notifications:GiveUpAfterHours</c> ran out, or its channel is no longer configured.</summary>
    public const string GivenUp = "given_up";
}
