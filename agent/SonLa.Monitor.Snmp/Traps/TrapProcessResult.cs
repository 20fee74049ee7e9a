using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// What one datagram gave: a notification, or a rejection; and the datagram to send back, if any
/// (the Response to an inform, or a USM Report).
/// </summary>
public readonly record struct TrapProcessResult(SnmpNotification? Notification, TrapRejection Rejection, byte[]? Reply)
{
    /// <summary>For SNMPv3 rejections: which USM check failed.</summary>
    public UsmError? UsmError { get; init; }

    /// <summary>For <see cref="TrapRejection.Malformed"/>: the decoder's reason.</summary>
    public string? Reason { get; init; }

    public static TrapProcessResult Accepted(SnmpNotification notification, byte[]? reply = null) => new(notification, TrapRejection.None, reply);

    public static TrapProcessResult Rejected(TrapRejection rejection, byte[]? reply = null) => new(null, rejection, reply);
}
