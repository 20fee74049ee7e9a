using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Outbox;

/// <summary>Batches as polling and traps make them: interface points of a few series, or an event.</summary>
public static class OutboxBatches
{
    public static SampleBatch Samples(string bootId, ulong sequence, DateTimeOffset time, int interfaces = 3)
    {
        var batch = new SampleBatch { BootId = bootId, Sequence = sequence };
        for (var i = 1; i <= interfaces; i++)
        {
            var point = Points.Create("interface", time, ("site", "chieng-coi"), ("device", "router"), ("if_index", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            point.Fields["in_octets"] = Points.UInt(sequence * 1000);
            point.Fields["out_octets"] = Points.UInt(sequence * 2000);
            batch.Points.Add(point);
        }

        return batch;
    }

    public static SampleBatch Event(string bootId, ulong sequence, DateTimeOffset time, string kind = "link_down")
    {
        var batch = new SampleBatch { BootId = bootId, Sequence = sequence };
        batch.Events.Add(new Event { Device = "router", Kind = kind, Message = "wan0 " + kind, TimeUnixNs = Points.ToUnixNanoseconds(time), IfIndex = "1" });
        return batch;
    }

    /// <summary>(sequence) of every waiting batch, oldest first.</summary>
    public static List<ulong> PendingSequences(IOutbox outbox) =>
        outbox.Pending(long.MinValue, long.MaxValue, null, int.MaxValue).Select(e => e.Sequence).ToList();
}
