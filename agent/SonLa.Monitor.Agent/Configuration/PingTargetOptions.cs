namespace SonLa.Monitor.Agent.Configuration;

/// <summary>An ICMP target (an element of the <c>Ping</c> array). Bound now, used by the ping job later.</summary>
public sealed class PingTargetOptions
{
    public const string SectionName = "Ping";

    public string Name { get; set; } = "";

    public string Host { get; set; } = "";
}
