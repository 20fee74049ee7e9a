namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// InfluxDB refused the points for good (malformed, field type conflict). With
/// <see cref="PartialWrite"/> the other points of the request were stored (InfluxDB 1.x
/// "partial write"), so sending the request again would not help either.
/// </summary>
public sealed class StorageRejectedException : Exception
{
    public StorageRejectedException()
    {
    }

    public StorageRejectedException(string message) : base(message)
    {
    }

    public StorageRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public StorageRejectedException(string message, bool partialWrite, int? droppedPoints, Exception? innerException = null)
        : base(message, innerException)
    {
        PartialWrite = partialWrite;
        DroppedPoints = droppedPoints;
    }

    public bool PartialWrite { get; }

    /// <summary>InfluxDB's "dropped=N" when it said.</summary>
    public int? DroppedPoints { get; }
}
