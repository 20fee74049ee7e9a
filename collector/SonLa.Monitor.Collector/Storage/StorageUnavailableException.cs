namespace SonLa.Monitor.Collector.Storage;

/// <summary>InfluxDB could not be reached or is not usable now; the points are not stored and may be sent again.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public StorageUnavailableException(string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long InfluxDB asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
