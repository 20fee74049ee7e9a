namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>An HTTP answer as the channels need it: status, the start of the body, and Retry-After.</summary>
public sealed record HttpAnswer(int Status, string? ReasonPhrase, string Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
