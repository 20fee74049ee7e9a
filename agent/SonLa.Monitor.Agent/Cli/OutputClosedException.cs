namespace SonLa.Monitor.Agent.Cli;

/// <summary>Whoever read our stdout went away (e.g. <c>| head</c>): the command stops quietly.</summary>
internal sealed class OutputClosedException : IOException
{
    public OutputClosedException()
    {
    }

    public OutputClosedException(string message)
        : base(message)
    {
    }

    public OutputClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
