using System.Globalization;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// A commune site as the agent reports it: 5 devices × 50 interfaces polled every 60 s. Per device a few busy
/// ports (counters moving by MB per minute), quiet ports (KB per minute), and unused ports (frozen counters, oper down);
/// 64-bit counters, rates as the agent computes them (octets × 8 / sysUpTime seconds), errors mostly 0, status constant,
/// if_alias once an hour as the agent sends it.
/// Deterministic (fixed seed), so two runs compare.
/// </summary>
internal sealed class WireWorkload
{
    public const int Devices = 5;
    public const int InterfacesPerDevice = 50;
    public const long IntervalNs = 60_000_000_000;

    private static readonly string[] DeviceNames = ["router", "firewall", "switch-1", "switch-2", "switch-3"];
    private static readonly string[] BusyAliases = ["Uplink VNPT cáp quang", "LAN Bộ phận một cửa", "Máy chủ văn bản", "Wi-Fi hội trường"];
    private static readonly long StartNs = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    private readonly Random _random = new(20261127);
    private readonly Port[][] _ports;
    private readonly long[] _uptimeTicks;
    private int _poll;

    public WireWorkload()
    {
        _ports = new Port[Devices][];
        _uptimeTicks = new long[Devices];
        for (var d = 0; d < Devices; d++)
        {
            _uptimeTicks[d] = _random.NextInt64(100_000, 400_000_000);
            _ports[d] = Enumerable.Range(1, InterfacesPerDevice).Select(i => NewPort(d, i)).ToArray();
        }

        // The first poll gives no rates; the workload starts in the steady state.
        NextPoll();
    }

    /// <summary>One poll round: per device, its interface points and its device point.</summary>
    public IReadOnlyList<IReadOnlyList<Point>> NextPoll()
    {
        var round = new List<IReadOnlyList<Point>>(Devices);
        for (var d = 0; d < Devices; d++)
        {
            // Devices are polled at their own offset within the minute, each poll a little late.
            var time = StartNs + (_poll * IntervalNs) + (d * 7_300_000_000L) + (_random.Next(0, 1_500_000) * 100L);
            var ticks = 6000 + _random.Next(-2, 3);
            _uptimeTicks[d] += ticks;
            var points = new List<Point>(InterfacesPerDevice + 1);
            foreach (var port in _ports[d])
            {
                points.Add(InterfacePoint(DeviceNames[d], port, time, ticks));
            }

            var device = Create("device", time, ("site", "chieng-coi"), ("device", DeviceNames[d]));
            device.Fields["reachable"] = new FieldValue { IntValue = 1 };
            device.Fields["response_ms"] = new FieldValue { DoubleValue = Math.Round(2 + (_random.NextDouble() * 40), 3) };
            device.Fields["uptime_s"] = new FieldValue { IntValue = _uptimeTicks[d] / 100 };
            points.Add(device);
            round.Add(points);
        }

        _poll++;
        return round;
    }

    private Point InterfacePoint(string device, Port port, long time, int ticks)
    {
        var inDelta = Delta(port, port.InPerMinute);
        var outDelta = Delta(port, port.InPerMinute * port.OutShare);
        var first = port.Polls++ == 0;
        port.InOctets += inDelta;
        port.OutOctets += outDelta;
        if (port.Kind == PortKind.Busy && _random.NextDouble() < 0.05)
        {
            port.InErrors++;
        }

        if (port.Kind == PortKind.Busy && _random.NextDouble() < 0.1)
        {
            port.OutDiscards += (ulong)_random.Next(1, 4);
        }

        var point = Create("interface", time, ("site", "chieng-coi"), ("device", device),
            ("if_index", port.IfIndex.ToString(CultureInfo.InvariantCulture)), ("if_name", port.Name));
        var fields = point.Fields;
        fields["in_octets"] = new FieldValue { UintValue = port.InOctets };
        fields["out_octets"] = new FieldValue { UintValue = port.OutOctets };
        if (!first)
        {
            var seconds = ticks / 100.0;
            // Whole bits per second, as DeviceMonitor writes them.
            fields["in_bps"] = new FieldValue { DoubleValue = Math.Round(inDelta * 8.0 / seconds) };
            fields["out_bps"] = new FieldValue { DoubleValue = Math.Round(outDelta * 8.0 / seconds) };
        }

        fields["in_errors"] = new FieldValue { UintValue = port.InErrors };
        fields["out_errors"] = new FieldValue { UintValue = 0 };
        fields["in_discards"] = new FieldValue { UintValue = 0 };
        fields["out_discards"] = new FieldValue { UintValue = port.OutDiscards };
        fields["speed_bps"] = new FieldValue { UintValue = port.Speed };
        fields["oper_status"] = new FieldValue { IntValue = port.Kind == PortKind.Down ? 2 : 1 };
        fields["admin_status"] = new FieldValue { IntValue = port.AdminDown ? 2 : 1 };
        // As DeviceMonitor sends it: when it changes and once an hour (these aliases never change).
        if (port.Alias.Length > 0 && _poll % 60 == 0)
        {
            fields["if_alias"] = new FieldValue { StringValue = port.Alias };
        }

        return point;
    }

    private ulong Delta(Port port, double perMinute) => port.Kind switch
    {
        PortKind.Busy => (ulong)(perMinute * (0.5 + _random.NextDouble())),
        PortKind.Quiet => _random.NextDouble() < 0.2 ? 0 : (ulong)(perMinute * (0.5 + _random.NextDouble())),
        _ => 0,
    };

    private Port NewPort(int device, int ifIndex)
    {
        var kind = ifIndex <= 6 ? PortKind.Busy : ifIndex <= 20 ? PortKind.Quiet : PortKind.Down;
        var name = device < 2 ? $"ge-0/0/{ifIndex - 1}" : $"GigabitEthernet1/0/{ifIndex}";
        return kind switch
        {
            PortKind.Busy => new Port(kind, ifIndex, name, BusyAliases[ifIndex % BusyAliases.Length], 1_000_000_000)
            {
                InPerMinute = _random.Next(2, 40) * 1_000_000.0,
                OutShare = 0.2 + (_random.NextDouble() * 0.4),
                InOctets = (ulong)_random.NextInt64(10_000_000_000, 9_000_000_000_000),
                OutOctets = (ulong)_random.NextInt64(1_000_000_000, 900_000_000_000),
                InErrors = (ulong)_random.Next(0, 30),
            },
            PortKind.Quiet => new Port(kind, ifIndex, name, ifIndex % 3 == 0 ? $"Phòng {ifIndex}" : "", ifIndex % 2 == 0 ? 100_000_000UL : 1_000_000_000UL)
            {
                InPerMinute = _random.Next(2, 20) * 1000.0,
                OutShare = 0.5,
                InOctets = (ulong)_random.NextInt64(1_000_000, 5_000_000_000),
                OutOctets = (ulong)_random.NextInt64(1_000_000, 5_000_000_000),
            },
            _ => new Port(kind, ifIndex, name, "", 1_000_000_000)
            {
                // Half the unused ports were never used; the others carried traffic once.
                InOctets = ifIndex % 2 == 0 ? 0 : (ulong)_random.NextInt64(0, 50_000_000_000),
                OutOctets = ifIndex % 2 == 0 ? 0 : (ulong)_random.NextInt64(0, 50_000_000_000),
                AdminDown = ifIndex > 44,
            },
        };
    }

    private static Point Create(string measurement, long time, params ReadOnlySpan<(string Key, string Value)> tags)
    {
        var point = new Point { Measurement = measurement, TimeUnixNs = time };
        foreach (var (key, value) in tags)
        {
            point.Tags[key] = value;
        }

        return point;
    }

    private enum PortKind
    {
        Busy,
        Quiet,
        Down,
    }

    private sealed class Port(PortKind kind, int ifIndex, string name, string alias, ulong speed)
    {
        public PortKind Kind { get; } = kind;

        public int IfIndex { get; } = ifIndex;

        public string Name { get; } = name;

        public string Alias { get; } = alias;

        public ulong Speed { get; } = speed;

        public double InPerMinute { get; init; }

        public double OutShare { get; init; }

        public ulong InOctets { get; set; }

        public ulong OutOctets { get; set; }

        public ulong InErrors { get; set; }

        public ulong OutDiscards { get; set; }

        public bool AdminDown { get; init; }

        public int Polls { get; set; }
    }
}
