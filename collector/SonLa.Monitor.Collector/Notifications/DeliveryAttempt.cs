namespace SonLa.Monitor.Collector.Notifications;

/// <summary>One row of the delivery log: one attempt to deliver a notification to one channel recipient.</summary>
/// <param name="Outcome"><c>delivered</c>, <c>retry</c> or <c>permanent</c>.</param>
/// <param name="Status">HTTP status or SMTP reply code, when there was an answer.</param>
/// <param name="Error">Why it failed, without secrets; null when delivered.</param>
public sealed record DeliveryAttempt(
    long DeliveryId,
    string NotificationId,
    string Channel,
    string Recipient,
    DateTimeOffset At,
    string Outcome,
    int? Status,
    string? Error,
    long DurationMs);
