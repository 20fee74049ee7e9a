using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>Polls real net-snmp snmpd instances serving simulated IF-MIB rows.</summary>
public sealed class DevicePollerSnmpdTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly SnmpClient _client = new(TimeProvider.System);

    private static SimulatedInterface[] Interfaces(ulong wanIn, ulong wanOut, ulong lanIn, ulong lanOut, uint discontinuity = 0) =>
    [
        new(1, "wan0")
        {
            Description = "WAN fibre VNPT",
            Alias = "Đường truyền cáp quang VNPT – Xã Chiềng Cơi",
            SpeedBitsPerSecond = 1_000_000_000,
            InOctets = wanIn,
            OutOctets = wanOut,
            InErrors = 3,
            OutDiscards = 7,
            CounterDiscontinuityTime = discontinuity,
        },
        new(2, "Cổng LAN Ủy ban")
        {
            Description = "eth1",
            SpeedBitsPerSecond = 100_000_000,
            OperStatus = 2,
            InOctets = lanIn,
            OutOctets = lanOut,
            HighCapacity = false,
        },
    ];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private static DeviceOptions Device(string name, string address, int intervalSeconds = 60, double timeoutSeconds = 3, int retries = 1) => new()
    {
        Name = name,
        Host = address,
        Endpoint = HostAndPort.TryParse(address, 161, out var endpoint) ? endpoint : throw new ArgumentException(address),
        Version = "2c",
        Community = new Secret("public"),
        IntervalSeconds = intervalSeconds,
        TimeoutSeconds = timeoutSeconds,
        Retries = retries,
    };

    private static Dictionary<string, FieldValue> Fields(Point point) => point.Fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task TwoPolls_InterfacePointsWithVietnameseNamesAndRatesFromMovedCounters()
    {
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router-chieng-coi", Interfaces(1_000_000, 2_000_000, 4_294_000_000, 100)));
        var poller = new DevicePoller(Device("router", snmpd.Address), _client, TimeProvider.System);
        var monitor = new DeviceMonitor("chieng-coi", "router");

        var first = await poller.PollAsync(CancellationToken.None);
        Assert.True(first.Reachable, first.Error);
        Assert.False(first.Partial, first.Error);
        Assert.Equal("router-chieng-coi", first.SysName);
        var firstOutput = monitor.Process(first);

        var device = Assert.Single(firstOutput.Points, p => p.Measurement == "device");
        Assert.Equal(1, Fields(device)["reachable"].IntValue);
        Assert.True(Fields(device).ContainsKey("response_ms"));
        Assert.True(Fields(device).ContainsKey("uptime_s"));
        Assert.Equal(("chieng-coi", "router"), (device.Tags["site"], device.Tags["device"]));

        var interfaces = firstOutput.Points.Where(p => p.Measurement == "interface").ToList();
        Assert.Equal(2, interfaces.Count);
        var wan = interfaces.Single(p => p.Tags["if_index"] == "1");
        Assert.Equal("wan0", wan.Tags["if_name"]);
        var wanFields = Fields(wan);
        Assert.Equal("Đường truyền cáp quang VNPT – Xã Chiềng Cơi", wanFields["if_alias"].StringValue);
        Assert.Equal(1_000_000UL, wanFields["in_octets"].UintValue);
        Assert.Equal(2_000_000UL, wanFields["out_octets"].UintValue);
        Assert.Equal(1_000_000_000UL, wanFields["speed_bps"].UintValue);
        Assert.Equal(3UL, wanFields["in_errors"].UintValue);
        Assert.Equal(7UL, wanFields["out_discards"].UintValue);
        Assert.Equal(1, wanFields["oper_status"].IntValue);
        Assert.Equal(1, wanFields["admin_status"].IntValue);
        // First poll: no rate at all, never a zero.
        Assert.False(wanFields.ContainsKey("in_bps"));
        Assert.False(wanFields.ContainsKey("out_bps"));

        var lan = interfaces.Single(p => p.Tags["if_index"] == "2");
        Assert.Equal("Cổng LAN Ủy ban", lan.Tags["if_name"]);
        Assert.Equal(2, Fields(lan)["oper_status"].IntValue);
        Assert.Equal(4_294_000_000UL, Fields(lan)["in_octets"].UintValue);

        // Counters move (the LAN's 32-bit counter wraps); the device's own clock advances at least a second.
        snmpd.SetRows(IfMibRows.For(Interfaces(1_000_000 + 1_250_000, 2_000_000, 1_000, 100)));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var second = monitor.Process(await poller.PollAsync(CancellationToken.None));
        var wan2 = Fields(second.Points.Single(p => p.Measurement == "interface" && p.Tags["if_index"] == "1"));
        var lan2 = Fields(second.Points.Single(p => p.Measurement == "interface" && p.Tags["if_index"] == "2"));
        Assert.True(wan2["in_bps"].DoubleValue > 0);
        Assert.Equal(0, wan2["out_bps"].DoubleValue);
        // The 32-bit wrap on the 100 Mb/s LAN port is one plausible wrap: a positive rate, no reset marker.
        Assert.True(lan2["in_bps"].DoubleValue > 0);
        Assert.True(lan2["in_bps"].DoubleValue <= 100_000_000 * CounterRateCalculator.SpeedMargin);
        Assert.False(lan2.ContainsKey("counter_reset"));
        Assert.Empty(second.Events);
    }

    [Fact]
    public async Task DiscontinuityTimeChanged_NoRateAndCounterResetMarker()
    {
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("r", Interfaces(5_000_000, 5_000_000, 0, 0)));
        var poller = new DevicePoller(Device("router", snmpd.Address), _client, TimeProvider.System);
        var monitor = new DeviceMonitor("s", "router");
        monitor.Process(await poller.PollAsync(CancellationToken.None));
        snmpd.SetRows(IfMibRows.For(Interfaces(100, 100, 0, 0, discontinuity: 4242)));
        var output = monitor.Process(await poller.PollAsync(CancellationToken.None));
        var wan = Fields(output.Points.Single(p => p.Measurement == "interface" && p.Tags["if_index"] == "1"));
        Assert.False(wan.ContainsKey("in_bps"));
        Assert.Equal(1, wan["counter_reset"].IntValue);
    }

    [Fact]
    public async Task HostsOwnInterfaces_WithoutSimulation_ArePolledToo()
    {
        // snmpd's real IF-MIB (lo at least): the engine's GETBULK columns path against a genuine agent table.
        await using var snmpd = await SnmpdServer.StartAsync(new SnmpdOptions { SysName = "real" });
        var poller = new DevicePoller(Device("host", snmpd.Address), _client, TimeProvider.System);
        var result = await poller.PollAsync(CancellationToken.None);
        Assert.True(result.Reachable, result.Error);
        var lo = Assert.Single(result.Interfaces, i => i.Name == "lo");
        Assert.NotNull(lo.InOctets);
        Assert.Equal(CounterWidth.Bits64, lo.InOctets!.Value.Width);
    }

    [Fact]
    public async Task StoppedDevice_UnreachableEvent_WhileSecondDeviceKeepsBeingPolled()
    {
        await using var dying = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("dying", Interfaces(0, 0, 0, 0)));
        await using var healthy = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("healthy", Interfaces(0, 0, 0, 0)));
        var schedule = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new RecordingSink();
        var loops = new[] { ("dying", dying), ("healthy", healthy) }.Select(d =>
        {
            var options = d.Item1 == "dying" ? Device(d.Item1, d.Item2.Address, timeoutSeconds: 1, retries: 0) : Device(d.Item1, d.Item2.Address);
            var poller = new DevicePoller(options, _client, TimeProvider.System);
            return new DevicePollLoop(options, poller.PollAsync, new DeviceMonitor("s", d.Item1), sink, schedule, NullLogger.Instance);
        }).ToArray();

        using var cts = new CancellationTokenSource();
        var running = loops.Select(l => Task.Run(() => l.RunAsync(cts.Token))).ToArray();
        await Poll.UntilAsync(() => loops.All(l => l.CompletedPolls == 1), Deadline, "first polls");

        dying.Stop();
        healthy.SetRows(IfMibRows.For(Interfaces(1_000_000, 0, 0, 0)));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        schedule.Advance(TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(() => loops.All(l => l.CompletedPolls == 2), Deadline, "second polls");
        await cts.CancelAsync();
        await Task.WhenAll(running);

        var events = sink.Events;
        var unreachable = Assert.Single(events);
        Assert.Equal(("dying", "unreachable"), (unreachable.Device, unreachable.Kind));
        var dyingDevice = sink.Points.Where(p => p.Measurement == "device" && p.Tags["device"] == "dying").Select(p => p.Fields["reachable"].IntValue);
        Assert.Equal([1L, 0L], dyingDevice);
        var healthyDevice = sink.Points.Where(p => p.Measurement == "device" && p.Tags["device"] == "healthy").Select(p => p.Fields["reachable"].IntValue);
        Assert.Equal([1L, 1L], healthyDevice);
        var healthyWan = sink.Points.Where(p => p.Measurement == "interface" && p.Tags["device"] == "healthy" && p.Tags["if_index"] == "1").ToList();
        Assert.Equal(2, healthyWan.Count);
        Assert.True(healthyWan[1].Fields["in_bps"].DoubleValue > 0);
        Assert.All(loops, l => Assert.Equal(0, l.SkippedTicks));
    }

    [Fact]
    public async Task SnmpV1Device_NoCounter64_FallsBackTo32BitCounters()
    {
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("old", Interfaces(5_000_000_000, 7, 1, 2)));
        var options = Device("old", snmpd.Address);
        options.Version = "1";
        var result = await new DevicePoller(options, _client, TimeProvider.System).PollAsync(CancellationToken.None);
        Assert.True(result.Reachable, result.Error);
        Assert.Equal(2, result.Interfaces.Count);
        var wan = result.Interfaces.Single(i => i.IfIndex == 1);
        // SNMPv1 cannot carry Counter64: ifInOctets (the low 32 bits) instead of ifHCInOctets, names still from ifXTable.
        Assert.Equal(CounterReading.Counter32((uint)(5_000_000_000 & uint.MaxValue)), wan.InOctets);
        Assert.Equal("wan0", wan.Name);
        Assert.Equal("Đường truyền cáp quang VNPT – Xã Chiềng Cơi", wan.Alias);
    }

    [Fact]
    public async Task SnmpdRestarted_NotAReboot_RatesContinue()
    {
        // sysUpTime is the SNMP agent's uptime: restarting snmpd sends it back, the host did not reboot.
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("r", Interfaces(1_000_000, 0, 0, 0)));
        var poller = new DevicePoller(Device("router", snmpd.Address), _client, TimeProvider.System);
        var monitor = new DeviceMonitor("s", "router");
        // Poll once snmpd has been up a while, so its restart visibly sends sysUpTime back on a busy machine too.
        DevicePollResult first;
        while ((first = await poller.PollAsync(CancellationToken.None)).SysUpTime < 500)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.NotNull(first.HostUptime);
        monitor.Process(first);

        await snmpd.RestartAsync();
        snmpd.SetRows(IfMibRows.For(Interfaces(2_000_000, 0, 0, 0)));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await poller.PollAsync(CancellationToken.None);
        Assert.True(second.SysUpTime < first.SysUpTime, "snmpd's sysUpTime restarted");
        var output = monitor.Process(second);
        Assert.Empty(output.Events);
        var wan = Fields(output.Points.Single(p => p.Measurement == "interface" && p.Tags["if_index"] == "1"));
        Assert.True(wan["in_bps"].DoubleValue > 0);
        Assert.False(wan.ContainsKey("counter_reset"));
    }
}
