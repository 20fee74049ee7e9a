namespace SonLa.Monitor.Agent.Outbox;

/// <summary>The outbox folder cannot be used; the message is one line naming the path and the reason.</summary>
public sealed class OutboxDirectoryException : IOException
{
    public OutboxDirectoryException()
    {
    }

    public OutboxDirectoryException(string message)
        : base(message)
    {
    }

    public OutboxDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
