namespace SonLa.Monitor.Collector.Storage;

/// <summary>The field types InfluxDB line protocol knows (unsigned is stored as integer, see <see cref="LineValue"/>).</summary>
public enum LineValueKind : byte
{
    /// <summary>No value was given (an unset protobuf oneof); never writable.</summary>
    None,
    Double,
    Integer,
    UInteger,
    String,
    Boolean,
}
