namespace SonLa.Monitor.Collector.History;

/// <summary>
/// InfluxDB could not answer a query (down, timed out, refused the query, answered too much). The message is one line
/// without secrets, fit for a 503 answer.
/// </summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException()
    {
    }

    public InfluxQueryException(string message)
        : base(message)
    {
    }

    public InfluxQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
