namespace SonLa.Monitor.Collector.Alerts;

/// <summary>A listing of alerts: active ones (pending or firing) or all, optionally of one site, at most <see cref="Limit"/>.</summary>
public sealed record AlertQuery
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 5000;

    public bool ActiveOnly { get; init; } = true;

    /// <summary>Only this site's alerts (a <c>site</c> user's own site); null for all sites.</summary>
    public string? Site { get; init; }

    public int Limit { get; init; } = DefaultLimit;
}
