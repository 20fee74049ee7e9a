namespace SonLa.Monitor.Agent.Configuration;

/// <summary>The config file is missing, unreadable or not JSON; the message is one line meant for the operator.</summary>
public sealed class ConfigFileException : Exception
{
    public ConfigFileException()
    {
    }

    public ConfigFileException(string message)
        : base(message)
    {
    }

    public ConfigFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
