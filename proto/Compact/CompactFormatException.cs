namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Compact point bytes that are malformed, truncated or exceed the decoder's bounds; the batch is rejected.</summary>
public sealed class CompactFormatException : Exception
{
    public CompactFormatException()
    {
    }

    public CompactFormatException(string message)
        : base(message)
    {
    }

    public CompactFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
