using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Grpc;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// What the drain bench sends, made before any timing and kept only as bytes: the agent's backlog messages (stored
/// batches of one device poll merged <see cref="UplinkSettings.DefaultBacklogMergeBatches"/> to a message, compact
/// encoding, gzip'd when gzip is on) and, per round, the same points as the ceiling's 5,000-point line-protocol bodies.
/// </summary>
public sealed class DrainLoad
{
    public const int Devices = 5;
    public const int InterfacesPerDevice = 10;
    private const int CeilingPostPoints = 5000;
    private static readonly long Start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    private DrainLoad(string bootId, int points, List<byte[]> messages, List<List<byte[]>> ceilingBodies, TimeSpan work, long lineBytes)
    {
        BootId = bootId;
        Points = points;
        Messages = messages;
        CeilingBodies = ceilingBodies;
        CollectorWorkPerPoint = work;
        LineBytesPerPoint = lineBytes;
    }

    public string BootId { get; }

    public int Points { get; }

    /// <summary>The agent's messages, serialized (and gzip'd when asked), oldest first; the same for every round.</summary>
    public List<byte[]> Messages { get; }

    /// <summary>Per round (index = round), the ceiling's bodies, tagged with that round's ceiling site.</summary>
    public List<List<byte[]>> CeilingBodies { get; }

    /// <summary>The collector's own work per point on one thread: decode from the wire, convert, format.</summary>
    public TimeSpan CollectorWorkPerPoint { get; }

    public long LineBytesPerPoint { get; }

    public static DrainLoad Prepare(int polls, IReadOnlyList<string> sites, bool gzip)
    {
        const string bootId = "boot-drain";
        var batches = SiteDays(bootId, polls);
        var points = batches.Sum(b => b.Points.Count);
        var messages = batches.Chunk(UplinkSettings.DefaultBacklogMergeBatches)
            .Select(chunk => new AgentMessage { Batch = CompactBatchCodec.Merge(chunk) }.ToByteArray())
            .Select(bytes => gzip ? PassThroughGzipProvider.Compress(bytes) : bytes).ToList();
        var bodies = sites.Select(site => CeilingBodiesFor(batches, DrainBench.CeilingSite(site))).ToList();
        var (work, lineBytes) = MeasureCollectorWork(batches, points);
        return new DrainLoad(bootId, points, messages, bodies, work, lineBytes);
    }

    private static (TimeSpan PerPoint, long LineBytesPerPoint) MeasureCollectorWork(List<SampleBatch> batches, int points)
    {
        var wire = batches.Select(b =>
        {
            var compact = b.Clone();
            CompactBatchCodec.Compact(compact);
            return new AgentMessage { Batch = compact }.ToByteArray();
        }).ToList();
        var elapsed = TimeSpan.Zero;
        var formatted = 0L;
        for (var pass = 0; pass < 3; pass++)
        {
            var cpu = Stopwatch.StartNew();
            formatted = 0L;
            foreach (var bytes in wire)
            {
                var batch = AgentMessage.Parser.ParseFrom(bytes).Batch;
                formatted += LineBatch.From(BatchConverter.Convert(batch, "cost").Points).Bytes;
            }

            elapsed = cpu.Elapsed;
        }

        return (elapsed / points, formatted / points);
    }

    // One agent's days: for each minute, one batch per device (the device point and its interfaces), in poll order.
    private static List<SampleBatch> SiteDays(string bootId, int polls)
    {
        var batches = new List<SampleBatch>(polls * Devices);
        var sequence = 0UL;
        for (var poll = 0; poll < polls; poll++)
        {
            for (var device = 0; device < Devices; device++)
            {
                var time = Start + (poll * 60_000_000_000L) + (device * 1_000_000L);
                var name = "dev" + device.ToString(CultureInfo.InvariantCulture);
                var batch = new SampleBatch { BootId = bootId, Sequence = ++sequence, Backfill = true };
                var devicePoint = new Point { Measurement = "device", TimeUnixNs = time };
                devicePoint.Tags.Add("device", name);
                devicePoint.Fields.Add("reachable", new FieldValue { IntValue = 1 });
                devicePoint.Fields.Add("response_ms", new FieldValue { DoubleValue = 3.25 + (poll % 7) });
                devicePoint.Fields.Add("uptime_s", new FieldValue { UintValue = 86_400UL + ((ulong)poll * 60) });
                batch.Points.Add(devicePoint);
                for (var i = 1; i <= InterfacesPerDevice; i++)
                {
                    batch.Points.Add(Interface(name, i, poll, time));
                }

                batches.Add(batch);
            }
        }

        return batches;
    }

    private static Point Interface(string device, int ifIndex, int poll, long time)
    {
        var point = new Point { Measurement = "interface", TimeUnixNs = time };
        point.Tags.Add("device", device);
        point.Tags.Add("if_index", ifIndex.ToString(CultureInfo.InvariantCulture));
        point.Tags.Add("if_name", "ge-0/0/" + ifIndex.ToString(CultureInfo.InvariantCulture));
        var octets = (ulong)poll * 7_500_000UL * (ulong)ifIndex;
        point.Fields.Add("in_octets", new FieldValue { UintValue = 1_000_000_000UL + octets });
        point.Fields.Add("out_octets", new FieldValue { UintValue = 500_000_000UL + (octets / 3) });
        point.Fields.Add("in_bps", new FieldValue { DoubleValue = 1_000_000.0 * ifIndex });
        point.Fields.Add("out_bps", new FieldValue { DoubleValue = 333_333.3 * ifIndex });
        point.Fields.Add("in_errors", new FieldValue { UintValue = (ulong)(poll / 100) });
        point.Fields.Add("out_errors", new FieldValue { UintValue = 0 });
        point.Fields.Add("in_discards", new FieldValue { UintValue = (ulong)(poll / 50) });
        point.Fields.Add("out_discards", new FieldValue { UintValue = 0 });
        point.Fields.Add("oper_status", new FieldValue { IntValue = 1 });
        point.Fields.Add("admin_status", new FieldValue { IntValue = 1 });
        point.Fields.Add("speed_bps", new FieldValue { UintValue = 1_000_000_000UL });
        return point;
    }

    // The same points the collector would write for `site`, as 5,000-point bodies (formatted before timing).
    private static List<byte[]> CeilingBodiesFor(List<SampleBatch> batches, string site)
    {
        var all = batches.SelectMany(b => BatchConverter.Convert(b, site).Points).ToList();
        return all.Chunk(CeilingPostPoints).Select(chunk => Encoding.UTF8.GetBytes(LineProtocol.Format(chunk))).ToList();
    }

}
