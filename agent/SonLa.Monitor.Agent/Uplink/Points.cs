using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Builds protocol <see cref="Point"/>s and <see cref="FieldValue"/>s with one consistent field type per field name.</summary>
public static class Points
{
    public static Point Create(string measurement, DateTimeOffset time, params ReadOnlySpan<(string Key, string Value)> tags)
    {
        var point = new Point { Measurement = measurement, TimeUnixNs = ToUnixNanoseconds(time) };
        foreach (var (key, value) in tags)
        {
            point.Tags[key] = value;
        }

        return point;
    }

    public static long ToUnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    public static FieldValue Double(double value) => new() { DoubleValue = value };

    public static FieldValue Int(long value) => new() { IntValue = value };

    public static FieldValue UInt(ulong value) => new() { UintValue = value };

    public static FieldValue Text(string value) => new() { StringValue = value };

    public static FieldValue Bool(bool value) => new() { BoolValue = value };
}
