namespace SonLa.Monitor.Snmp.Fuzz;

/// <summary>Thrown by the harness (never by the engine) when decoding costs more than the bytes justify.</summary>
public sealed class UnboundedWorkException : Exception
{
    public UnboundedWorkException()
    {
    }

    public UnboundedWorkException(string message)
        : base(message)
    {
    }

    public UnboundedWorkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
