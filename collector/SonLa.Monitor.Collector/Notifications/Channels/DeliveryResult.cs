namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>What one attempt gave: the outcome, the HTTP status (or SMTP reply code) and an error text without secrets.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, int? Status = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered(int? status = null) => new(DeliveryOutcome.Delivered, status);

    public static DeliveryResult Retry(string error, int? status = null, TimeSpan? retryAfter = null) =>
        new(DeliveryOutcome.Retry, status, error, retryAfter);

    public static DeliveryResult Permanent(string error, int? status = null) => new(DeliveryOutcome.Permanent, status, error);
}
