using System.Globalization;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// A simulated device whose hrSystemUptime.0 differs on every GET (uptime_marker.py), so every poll the agent makes is
/// known from outside the system under test: snmpd's helper logs each value with the time it was served, and the
/// agent stores the value as the <c>device</c> point's <c>uptime_s</c>.
/// </summary>
public static class UptimeMarker
{
    public const string HrSystemUptime = ".1.3.6.1.2.1.25.1.1";

    /// <summary>IF-MIB rows as <see cref="IfMibRows.DeviceOptions"/>, plus the marker; snmpd's own hr_system module is
    /// disabled so the helper answers for hrSystemUptime.</summary>
    public static SnmpdOptions DeviceOptions(string sysName, IEnumerable<SimulatedInterface> interfaces, string markerLog)
    {
        var device = IfMibRows.DeviceOptions(sysName, interfaces);
        var script = Path.Combine(AppContext.BaseDirectory, "Chaos", "uptime_marker.py");
        return new SnmpdOptions
        {
            Community = device.Community,
            SysName = device.SysName,
            ExtraPassPersistRoots = device.ExtraPassPersistRoots,
            DisabledModules = [.. device.DisabledModules, "hr_system"],
            PassPersistRows = device.PassPersistRows,
            ExtraConfig = [.. device.ExtraConfig, $"pass_persist {HrSystemUptime} /usr/bin/python3 {script} {markerLog}"],
        };
    }

    /// <summary>Every value served so far, in order.</summary>
    public static IReadOnlyList<ServedMarker> ReadServed(string markerLog)
    {
        if (!File.Exists(markerLog))
        {
            return [];
        }

        using var stream = new FileStream(markerLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var served = new List<ServedMarker>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            // A line being written right now may be incomplete: it is read next time.
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var seconds)
                || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var unixNs))
            {
                continue;
            }

            served.Add(new ServedMarker(seconds, DateTimeOffset.UnixEpoch.AddTicks(unixNs / 100)));
        }

        return served;
    }
}
