namespace SonLa.Monitor.Snmp;

/// <summary>
/// The only exception decoding throws: the bytes are not a well-formed SNMP message.
/// <see cref="Exception.Message"/> is one line naming the reason and the byte offset.
/// </summary>
public sealed class SnmpDecodeException : SnmpException
{
    public SnmpDecodeException()
    {
    }

    public SnmpDecodeException(string message)
        : base(message)
    {
    }

    public SnmpDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpDecodeException(string reason, int offset)
        : base($"Malformed SNMP message at byte {offset}: {reason}.")
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>Why the bytes were rejected, without the offset.</summary>
    public string Reason { get; } = "";

    /// <summary>Offset of the offending byte from the start of the decoded buffer.</summary>
    public int Offset { get; } = -1;
}
