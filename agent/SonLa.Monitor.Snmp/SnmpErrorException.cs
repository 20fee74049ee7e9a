using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp;

/// <summary>The agent answered with a non-zero error-status (RFC 3416 section 3).</summary>
public sealed class SnmpErrorException : SnmpException
{
    public SnmpErrorException()
    {
    }

    public SnmpErrorException(string message)
        : base(message)
    {
    }

    public SnmpErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpErrorException(ErrorStatus errorStatus, int errorIndex, ObjectIdentifier? oid, string endPoint)
        : base(Describe(errorStatus, errorIndex, oid, endPoint))
    {
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
        Oid = oid;
    }

    public ErrorStatus ErrorStatus { get; }

    /// <summary>1-based index of the varbind the error refers to; 0 when none.</summary>
    public int ErrorIndex { get; }

    /// <summary>The OID at <see cref="ErrorIndex"/> in the request, when the index points into it.</summary>
    public ObjectIdentifier? Oid { get; }

    private static string Describe(ErrorStatus status, int index, ObjectIdentifier? oid, string endPoint)
    {
        var at = oid is null ? "" : $" at .{oid}";
        return $"{endPoint} answered error-status {status} ({(int)status}), error-index {index}{at}.";
    }
}
