namespace SonLa.Monitor.Snmp;

/// <summary>Base of every exception the SNMP engine throws on purpose.</summary>
public class SnmpException : Exception
{
    public SnmpException()
    {
    }

    public SnmpException(string message)
        : base(message)
    {
    }

    public SnmpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
