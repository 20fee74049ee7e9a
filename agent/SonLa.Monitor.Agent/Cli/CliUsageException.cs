namespace SonLa.Monitor.Agent.Cli;

/// <summary>A bad command line: the message is one line naming the flag or argument, never a secret's value.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
