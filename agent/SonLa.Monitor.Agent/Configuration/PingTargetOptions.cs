namespace SonLa.Monitor.Agent.Configuration;

/// <summary>An ICMP echo target (an element of the <c>Ping</c> array), probed by the ping job into the <c>ping</c> measurement.</summary>
public sealed class PingTargetOptions
{
    public const string SectionName = "Ping";

    public const int DefaultIntervalSeconds = 60;

    public const int DefaultCount = 3;

    public const int DefaultTimeoutMilliseconds = 1000;

    /// <summary>Position in the <c>Ping</c> array, for messages that name the key.</summary>
    public int Index { get; set; }

    /// <summary>The <c>target</c> tag.</summary>
    public string Name { get; set; } = "";

    /// <summary>An IPv4 or IPv6 address (brackets allowed) or a host name, resolved every round.</summary>
    public string Host { get; set; } = "";

    public int IntervalSeconds { get; set; } = DefaultIntervalSeconds;

    /// <summary>Echo requests per round; rtt_ms averages the answered ones, loss_percent counts the rest.</summary>
    public int Count { get; set; } = DefaultCount;

    /// <summary>How long each echo request waits for its reply.</summary>
    public int TimeoutMilliseconds { get; set; } = DefaultTimeoutMilliseconds;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);
}
