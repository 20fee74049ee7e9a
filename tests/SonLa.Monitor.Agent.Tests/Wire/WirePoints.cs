using System.Globalization;
using System.Text;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

/// <summary>Point builders and an order-free, bit-exact comparison for the wire tests.</summary>
internal static class WirePoints
{
    public const long Time = 1_795_000_000_000_000_000;

    public static Point Interface(string device, int ifIndex, long time, ulong inOctets, double inBps, string alias = "")
    {
        var point = new Point { Measurement = "interface", TimeUnixNs = time };
        point.Tags.Add("site", "chieng-coi");
        point.Tags.Add("device", device);
        point.Tags.Add("if_index", ifIndex.ToString(CultureInfo.InvariantCulture));
        point.Tags.Add("if_name", "Cổng " + ifIndex.ToString(CultureInfo.InvariantCulture));
        point.Fields.Add("in_octets", new FieldValue { UintValue = inOctets });
        point.Fields.Add("out_octets", new FieldValue { UintValue = inOctets / 3 });
        point.Fields.Add("in_bps", new FieldValue { DoubleValue = inBps });
        point.Fields.Add("in_errors", new FieldValue { UintValue = 0 });
        point.Fields.Add("speed_bps", new FieldValue { UintValue = 1_000_000_000 });
        point.Fields.Add("oper_status", new FieldValue { IntValue = 1 });
        if (alias.Length > 0)
        {
            point.Fields.Add("if_alias", new FieldValue { StringValue = alias });
        }

        return point;
    }

    /// <summary>Asserts both lists hold the same points, in any order, every double compared bit for bit.</summary>
    public static void AssertSameSet(IEnumerable<Point> expected, IEnumerable<Point> actual)
    {
        var e = expected.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var a = actual.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(e, a);
    }

    public static string Canonical(Point point)
    {
        var text = new StringBuilder();
        text.Append(point.Measurement.Length).Append(':').Append(point.Measurement).Append('@').Append(point.TimeUnixNs);
        foreach (var (key, value) in point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append("|t").Append(key.Length).Append(':').Append(key).Append('=').Append(value.Length).Append(':').Append(value);
        }

        foreach (var (key, value) in point.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append("|f").Append(key.Length).Append(':').Append(key).Append('=').Append(value.ValueCase).Append(':').Append(value.ValueCase switch
            {
                FieldValue.ValueOneofCase.DoubleValue => BitConverter.DoubleToInt64Bits(value.DoubleValue).ToString("X16", CultureInfo.InvariantCulture),
                FieldValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
                FieldValue.ValueOneofCase.UintValue => value.UintValue.ToString(CultureInfo.InvariantCulture),
                FieldValue.ValueOneofCase.StringValue => value.StringValue.Length.ToString(CultureInfo.InvariantCulture) + ":" + value.StringValue,
                FieldValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
                _ => "none",
            });
        }

        return text.ToString();
    }
}
