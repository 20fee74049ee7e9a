namespace SonLa.Monitor.Agent.Ping;

/// <summary>No ICMP socket of any allowed kind could be opened: the message says which system setting to change.</summary>
public sealed class IcmpUnavailableException : Exception
{
    public IcmpUnavailableException()
    {
    }

    public IcmpUnavailableException(string message)
        : base(message)
    {
    }

    public IcmpUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
