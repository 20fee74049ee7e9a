using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Keeps one <c>power_lost</c> … <c>power_restored</c> pair per outage of a UPS, whether traps or polls saw it first:
/// upsTrapOnBattery is resent every minute while on battery, and the next poll reports the same switch again.
/// Sits in front of the real sink, so it sees what both traps and polling write: a <c>power_lost</c> for a UPS
/// already known on battery is dropped, and a poll showing mains after a trap-only <c>power_lost</c> gets its
/// <c>power_restored</c> here. Everything else passes through untouched.
/// </summary>
public sealed class PowerEventGate(ISampleSink inner) : ISampleSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, bool> _onBattery = new(StringComparer.Ordinal);
    private long _dropped;

    /// <summary>Repeated power_lost events not passed on.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(IReadOnlyList<Point> points, IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(events);
        if (!Concerns(points, events))
        {
            inner.Write(points, events);
            return;
        }

        List<Event> passed;
        lock (_lock)
        {
            passed = new List<Event>(events.Count);
            HashSet<string>? restored = null;
            foreach (var e in events)
            {
                if (e.Kind == UpsMonitor.KindPowerLost)
                {
                    if (_onBattery.GetValueOrDefault(e.Device))
                    {
                        Interlocked.Increment(ref _dropped);
                        continue;
                    }

                    _onBattery[e.Device] = true;
                }
                else if (e.Kind == UpsMonitor.KindPowerRestored)
                {
                    _onBattery[e.Device] = false;
                    (restored ??= new HashSet<string>(StringComparer.Ordinal)).Add(e.Device);
                }

                passed.Add(e);
            }

            foreach (var point in points)
            {
                if (point.Measurement != "ups" || !point.Tags.TryGetValue("device", out var device) ||
                    !point.Fields.TryGetValue("on_battery", out var field))
                {
                    continue;
                }

                var onBattery = field.IntValue != 0;
                if (!onBattery && _onBattery.GetValueOrDefault(device) && restored?.Contains(device) != true)
                {
                    passed.Add(new Event
                    {
                        Device = device,
                        Kind = UpsMonitor.KindPowerRestored,
                        Message = "UPS back on mains (seen by polling after the on-battery trap)",
                        TimeUnixNs = point.TimeUnixNs,
                    });
                }

                _onBattery[device] = onBattery;
            }
        }

        inner.Write(points, passed);
    }

    private static bool Concerns(IReadOnlyList<Point> points, IReadOnlyList<Event> events)
    {
        foreach (var e in events)
        {
            if (e.Kind is UpsMonitor.KindPowerLost or UpsMonitor.KindPowerRestored)
            {
                return true;
            }
        }

        foreach (var point in points)
        {
            if (point.Measurement == "ups")
            {
                return true;
            }
        }

        return false;
    }
}
