namespace SonLa.Monitor.Agent.Ping;

/// <summary>How echo requests leave the agent.</summary>
public enum IcmpSocketKind
{
    /// <summary>
    /// An unprivileged ICMP socket (SOCK_DGRAM, IPPROTO_ICMP/ICMPV6): Linux allows it to the groups in
    /// net.ipv4.ping_group_range; the kernel sets the identifier and hands back only our own replies.
    /// </summary>
    Datagram,

    /// <summary>A raw socket: needs CAP_NET_RAW (root); sees every ICMP message, so replies are matched by identifier and payload.</summary>
    Raw,
}
