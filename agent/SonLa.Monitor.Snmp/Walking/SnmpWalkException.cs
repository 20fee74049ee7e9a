using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Walking;

/// <summary>The agent broke the walk's rules (e.g. "OID not increasing"); the walk stopped.</summary>
public sealed class SnmpWalkException : SnmpException
{
    public SnmpWalkException()
    {
    }

    public SnmpWalkException(string message)
        : base(message)
    {
    }

    public SnmpWalkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpWalkException(ObjectIdentifier previous, ObjectIdentifier received, string endPoint)
        : base($"OID not increasing: {endPoint} answered .{received} after .{previous}.")
    {
        Previous = previous;
        Received = received;
    }

    public ObjectIdentifier? Previous { get; }

    public ObjectIdentifier? Received { get; }
}
