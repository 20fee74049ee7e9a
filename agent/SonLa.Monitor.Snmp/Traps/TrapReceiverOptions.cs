using System.Net;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>Limits of a <see cref="TrapReceiver"/>; the defaults are sized for one commune site.</summary>
public sealed record TrapReceiverOptions
{
    public const double DefaultMaxPerSecondPerSource = 100;

    public const double DefaultBurstPerSource = 200;

    public const int DefaultQueueCapacity = 4096;

    /// <summary>Token-bucket refill per source address; excess datagrams are dropped and counted.</summary>
    public double MaxPerSecondPerSource { get; init; } = DefaultMaxPerSecondPerSource;

    public double BurstPerSource { get; init; } = DefaultBurstPerSource;

    /// <summary>Datagrams waiting between the socket and the processing; beyond, dropped and counted.</summary>
    public int QueueCapacity { get; init; } = DefaultQueueCapacity;

    /// <summary>Which source addresses may send at all (checked before decoding); null accepts every source.</summary>
    public Func<IPAddress, bool>? AcceptSource { get; init; }
}
