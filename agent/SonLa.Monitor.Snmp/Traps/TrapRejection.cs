namespace SonLa.Monitor.Snmp.Traps;

/// <summary>Why a datagram on the trap port did not become a notification.</summary>
public enum TrapRejection
{
    None = 0,

    /// <summary>Not a decodable SNMP message, or a notification without sysUpTime.0/snmpTrapOID.0.</summary>
    Malformed,

    /// <summary>A PDU that is not a notification (a Get, a Response...): ignored.</summary>
    NotANotification,

    /// <summary>A v1/v2c message whose community is not configured.</summary>
    WrongCommunity,

    /// <summary>SNMPv3: unknown engine id or user, wrong digest, undecryptable, or too low a level.</summary>
    AuthenticationFailed,

    /// <summary>SNMPv3 engine-id discovery probe (answered with a Report): normal for informs.</summary>
    Discovery,

    /// <summary>SNMPv3 inform outside our time window (answered with an authenticated Report): the sender re-synchronises.</summary>
    NotInTimeWindow,

    /// <summary>The source address is not a configured device.</summary>
    UnknownSource,

    /// <summary>The source sent more than its rate allows.</summary>
    RateLimited,

    /// <summary>The queue between the socket and the processing was full.</summary>
    QueueFull,
}
