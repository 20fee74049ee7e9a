using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// Turns a <see cref="SampleBatch"/> into <see cref="LinePoint"/>s for one authenticated site.
/// The tag <c>site</c> is always the authenticated site, whatever the agent sent.
/// Events become the measurement <c>event</c>: tags site, device, kind (and if_index when set);
/// fields message, trap_oid (when set) and one string field per varbind named
/// <c>vb_</c> + the OID with dots as underscores (vb_1_3_6_1_2_1_2_2_1_1_3), so each varbind can be
/// queried on its own with InfluxQL.
/// Points come plain (<c>points</c>), compact (<c>compact_points</c>, see CompactBatchCodec) or both; compact bytes that
/// do not decode make the whole batch invalid, so it is rejected rather than half-stored.
/// Invalid points (empty measurement, no fields, a field without value, non-finite double, empty
/// key, no time; events without kind or time) are dropped one by one, never the whole batch.
/// </summary>
public static class BatchConverter
{
    public const string SiteTag = "site";
    public const string EventMeasurement = "event";
    public const string VarBindFieldPrefix = "vb_";

    public static ConvertedBatch Convert(SampleBatch batch, string siteId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        CompactColumns? compact = null;
        if (!batch.CompactPoints.IsEmpty)
        {
            try
            {
                compact = CompactBatchCodec.DecodeColumns(batch.CompactPoints.Span);
            }
            catch (CompactFormatException ex)
            {
                // Nothing of a batch with garbled bytes is trusted: all of it is invalid, so it is rejected, not half-stored.
                var total = batch.Points.Count + batch.Events.Count + 1;
                return new ConvertedBatch([], total, total, ex.Message);
            }
        }

        var compactCount = compact?.PointCount ?? 0;
        var points = new List<LinePoint>(batch.Points.Count + compactCount + batch.Events.Count);
        var invalid = 0;
        string? firstProblem = null;

        void Add(LinePoint point, string where)
        {
            if (point.Problem is { } problem)
            {
                invalid++;
                firstProblem ??= $"{where}: {problem}";
                return;
            }

            points.Add(point);
        }

        void Drop(string problem)
        {
            invalid++;
            firstProblem ??= problem;
        }

        for (var i = 0; i < batch.Points.Count; i++)
        {
            if (batch.Points[i].TimeUnixNs == 0)
            {
                Drop($"point {i}: no time_unix_ns");
                continue;
            }

            Add(FromPoint(batch.Points[i], siteId), $"point {i}");
        }

        if (compact is not null)
        {
            CompactLinePoints.AddTo(compact, siteId, batch.Points.Count, points, problem => Drop(problem));
        }

        for (var i = 0; i < batch.Events.Count; i++)
        {
            var e = batch.Events[i];
            if (e.TimeUnixNs == 0 || string.IsNullOrEmpty(e.Kind))
            {
                Drop($"event {i}: {(e.TimeUnixNs == 0 ? "no time_unix_ns" : "no kind")}");
                continue;
            }

            Add(FromEvent(e, siteId), $"event {i}");
        }

        return new ConvertedBatch(points, batch.Points.Count + compactCount + batch.Events.Count, invalid, firstProblem);
    }

    public static LinePoint FromPoint(Point point, string siteId)
    {
        ArgumentNullException.ThrowIfNull(point);
        var tags = point.Tags
            .Where(t => !string.Equals(t.Key, SiteTag, StringComparison.Ordinal))
            .Append(new KeyValuePair<string, string>(SiteTag, siteId));
        var fields = point.Fields.Select(f => new KeyValuePair<string, LineValue>(f.Key, FromField(f.Value)));
        return new LinePoint(point.Measurement, tags, fields, point.TimeUnixNs);
    }

    public static LinePoint FromEvent(Event e, string siteId)
    {
        ArgumentNullException.ThrowIfNull(e);
        var tags = new List<KeyValuePair<string, string>>
        {
            new(SiteTag, siteId),
            new("device", e.Device),
            new("kind", e.Kind),
        };
        if (!string.IsNullOrEmpty(e.IfIndex))
        {
            tags.Add(new("if_index", e.IfIndex));
        }

        var fields = new List<KeyValuePair<string, LineValue>> { new("message", LineValue.FromString(e.Message)) };
        if (!string.IsNullOrEmpty(e.TrapOid))
        {
            fields.Add(new("trap_oid", LineValue.FromString(e.TrapOid)));
        }

        foreach (var (oid, value) in e.Varbinds)
        {
            fields.Add(new(VarBindField(oid), LineValue.FromString(value)));
        }

        return new LinePoint(EventMeasurement, tags, fields, e.TimeUnixNs);
    }

    public static string VarBindField(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        return VarBindFieldPrefix + oid.TrimStart('.').Replace('.', '_');
    }

    private static LineValue FromField(FieldValue value) => value?.ValueCase switch
    {
        FieldValue.ValueOneofCase.DoubleValue => LineValue.FromDouble(value.DoubleValue),
        FieldValue.ValueOneofCase.IntValue => LineValue.FromInteger(value.IntValue),
        FieldValue.ValueOneofCase.UintValue => LineValue.FromUInteger(value.UintValue),
        FieldValue.ValueOneofCase.StringValue => LineValue.FromString(value.StringValue),
        FieldValue.ValueOneofCase.BoolValue => LineValue.FromBoolean(value.BoolValue),
        _ => LineValue.Missing,
    };
}
