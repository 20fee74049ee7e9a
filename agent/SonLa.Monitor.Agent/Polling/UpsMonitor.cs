using System.Globalization;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// One UPS across polls: its <c>ups</c> point, and <c>power_lost</c> / <c>power_restored</c> on the transitions of
/// on_battery. Nothing survives an agent restart: the first reading is no transition, unless the UPS is already on
/// battery, which is then reported once as such. Pure: no I/O, no clock of its own.
/// </summary>
public sealed class UpsMonitor(string siteId, string deviceName)
{
    public const string KindPowerLost = "power_lost";
    public const string KindPowerRestored = "power_restored";

    private bool? _onBattery;
    private DateTimeOffset? _lastTime;
    private DateTimeOffset? _onBatterySince;

    public bool? OnBattery => _onBattery;

    /// <summary>The point (null when the UPS reported none of the objects) and the event of a transition, if any.</summary>
    public (Point? Point, Event? Event) Process(UpsReading reading, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var point = Points.Create("ups", time, ("site", siteId), ("device", deviceName));
        var fields = point.Fields;
        var onBattery = reading.OnBattery;
        if (onBattery is { } b)
        {
            fields["on_battery"] = Points.Int(b ? 1 : 0);
        }

        Add(fields, "battery_percent", reading.EstimatedChargeRemaining);
        Add(fields, "runtime_min", reading.EstimatedMinutesRemaining);
        Add(fields, "output_load_percent", reading.OutputPercentLoad);
        Add(fields, "battery_status", reading.BatteryStatus);
        Add(fields, "seconds_on_battery", reading.SecondsOnBattery);
        if (reading.OutputSource is { } source)
        {
            fields["output_source"] = Points.Int(source);
        }

        var e = Transition(onBattery, reading, time);
        _lastTime = time;
        return (fields.Count == 0 ? null : point, e);
    }

    private Event? Transition(bool? onBattery, UpsReading reading, DateTimeOffset time)
    {
        // A reading that says neither way keeps the last known state: no event from missing data.
        if (onBattery is not { } now)
        {
            return null;
        }

        var before = _onBattery;
        _onBattery = now;
        if (now && before != true)
        {
            var started = before is null;
            var since = SwitchTime(reading, time, started);
            _onBatterySince = since;
            return Event(KindPowerLost, since, PowerLostText(reading, started));
        }

        if (!now && before == true)
        {
            var lasted = _onBatterySince is { } s ? time - s : (TimeSpan?)null;
            _onBatterySince = null;
            return Event(KindPowerRestored, time, lasted is { } l
                ? string.Create(CultureInfo.InvariantCulture, $"UPS back on mains after about {Duration(l)} on battery")
                : "UPS back on mains");
        }

        return null;
    }

    /// <summary>
    /// When the UPS went on battery: it tells (upsSecondsOnBattery), but never earlier than the previous reading, which
    /// saw it on mains. At agent start, the time it was seen: what came before is not this agent's to claim.
    /// </summary>
    private DateTimeOffset SwitchTime(UpsReading reading, DateTimeOffset time, bool atStart)
    {
        if (atStart || reading.SecondsOnBattery is not { } seconds || seconds <= 0)
        {
            return time;
        }

        var since = time - TimeSpan.FromSeconds(seconds);
        return _lastTime is { } last && since < last ? last : since;
    }

    private static string PowerLostText(UpsReading reading, bool atStart)
    {
        var text = atStart ? "UPS on battery at agent start" : "UPS switched to battery: mains power lost";
        var details = new List<string>();
        if (atStart && reading.SecondsOnBattery is > 0 and var seconds)
        {
            details.Add($"on battery for {Duration(TimeSpan.FromSeconds(seconds))}");
        }

        if (reading.EstimatedChargeRemaining is { } charge)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"charge {charge}%"));
        }

        if (reading.EstimatedMinutesRemaining is { } minutes)
        {
            details.Add(string.Create(CultureInfo.InvariantCulture, $"about {minutes} min of runtime left"));
        }

        return details.Count == 0 ? text : text + " (" + string.Join(", ", details) + ")";
    }

    private static string Duration(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s")
        : span.TotalMinutes < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");

    private static void Add(Google.Protobuf.Collections.MapField<string, FieldValue> fields, string name, int? value)
    {
        if (value is { } v)
        {
            fields[name] = Points.Int(v);
        }
    }

    private Event Event(string kind, DateTimeOffset time, string message) => new()
    {
        Device = deviceName,
        Kind = kind,
        Message = message,
        TimeUnixNs = Points.ToUnixNanoseconds(time),
    };
}
