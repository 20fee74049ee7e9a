namespace SonLa.Monitor.Collector.Alerts;

/// <summary>One self-check (the <c>selfcheck</c> point's <c>check</c> tag) as last reported.</summary>
internal sealed class CheckState
{
    public long LastNs { get; set; }

    public bool Live { get; set; }

    public int Status { get; set; }

    public DateTimeOffset? FailingSince { get; set; }
}
