using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.Tests.Polling;

public class DeviceMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static DevicePollResult Up(double seconds, uint uptime, ulong inOctets = 0) => new()
    {
        Reachable = true,
        Time = T0.AddSeconds(seconds),
        Monotonic = TimeSpan.FromSeconds(seconds),
        ResponseMilliseconds = 12.5,
        SysUpTime = uptime,
        Interfaces = [new InterfaceReading(1) { Name = "wan0", InOctets = CounterReading.Counter64(inOctets), SpeedBitsPerSecond = 100_000_000 }],
    };

    private static DevicePollResult Down(double seconds) =>
        new() { Reachable = false, Time = T0.AddSeconds(seconds), Monotonic = TimeSpan.FromSeconds(seconds), Error = "no answer from 192.168.1.1:161" };

    [Fact]
    public void UnreachableThenReachable_OneEventEachWay()
    {
        var monitor = new DeviceMonitor("s", "router");
        Assert.Empty(monitor.Process(Up(0, 100_000)).Events);
        var down = monitor.Process(Down(60));
        Assert.Equal("unreachable", Assert.Single(down.Events).Kind);
        Assert.Equal(0, down.Points.Single().Fields["reachable"].IntValue);
        Assert.Empty(monitor.Process(Down(120)).Events);
        var up = monitor.Process(Up(180, 118_000));
        var reachable = Assert.Single(up.Events);
        Assert.Equal(("reachable", "router"), (reachable.Kind, reachable.Device));
        Assert.Equal(true, up.BecameReachable);
    }

    [Fact]
    public void UptimeBack_RebootEventAndMarker_RolloverIsNot()
    {
        var monitor = new DeviceMonitor("s", "router");
        monitor.Process(Up(0, 50_000_000, 1_000));
        var reboot = monitor.Process(Up(60, 2_000, 10));
        Assert.Equal("reboot", Assert.Single(reboot.Events).Kind);
        var wan = reboot.Points.Single(p => p.Measurement == "interface");
        Assert.False(wan.Fields.ContainsKey("in_bps"));
        Assert.Equal(1, wan.Fields["counter_reset"].IntValue);

        var rollover = new DeviceMonitor("s", "old-router");
        rollover.Process(Up(0, uint.MaxValue - 2_999, 1_000));
        var after = rollover.Process(Up(60, 3_000, 751_000));
        Assert.Empty(after.Events);
        Assert.Equal(100_000, after.Points.Single(p => p.Measurement == "interface").Fields["in_bps"].DoubleValue, 6);
        Assert.Equal((long)((3_000 + 4294967296.0) / 100), after.Points.Single(p => p.Measurement == "device").Fields["uptime_s"].IntValue);
    }

    [Fact]
    public void HostUptimePreferred_AgentRestartIsNotAReboot_HostRebootIs()
    {
        var monitor = new DeviceMonitor("s", "router");
        monitor.Process(Up(0, 50_000_000, 1_000) with { HostUptime = 90_000_000 });
        // snmpd restarted: sysUpTime back to 5 s, the host kept counting.
        var agentRestart = monitor.Process(Up(60, 500, 751_000) with { HostUptime = 90_006_000 });
        Assert.Empty(agentRestart.Events);
        Assert.Equal(100_000, agentRestart.Points.Single(p => p.Measurement == "interface").Fields["in_bps"].DoubleValue, 6);
        Assert.Equal(900_060, agentRestart.Points.Single(p => p.Measurement == "device").Fields["uptime_s"].IntValue);

        var hostReboot = monitor.Process(Up(120, 3_000, 10) with { HostUptime = 2_500 });
        Assert.Equal("reboot", Assert.Single(hostReboot.Events).Kind);
        Assert.Contains("hrSystemUptime", hostReboot.Events[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UptimeSourceChanges_NoFalseReboot()
    {
        var monitor = new DeviceMonitor("s", "router");
        monitor.Process(Up(0, 50_000_000) with { HostUptime = 90_000_000 });
        // hrSystemUptime missing this time: sysUpTime is far smaller, but it is another clock, not a reboot.
        Assert.Empty(monitor.Process(Up(60, 50_006_000)).Events);
        Assert.Empty(monitor.Process(Up(120, 50_012_000)).Events);
    }
}
