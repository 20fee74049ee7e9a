namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Stream behaviour of the uplink (not in agent.json; tests shorten the delays).</summary>
public sealed record UplinkSettings
{
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for Welcome after Hello.</summary>
    public TimeSpan WelcomeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Batches sent but not yet acknowledged on one stream; keeps a big backlog from flooding the link.</summary>
    public int Window { get; init; } = 16;

    /// <summary>A stream that stayed up this long resets the back-off.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);
}
