using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>if_alias costs the most bytes of a poll and rarely changes: it goes on change and hourly.</summary>
public class DeviceMonitorAliasTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static string? AliasSent(DeviceMonitor monitor, double minutes, string alias)
    {
        var output = monitor.Process(new DevicePollResult
        {
            Reachable = true,
            Time = T0.AddMinutes(minutes),
            Monotonic = TimeSpan.FromMinutes(minutes),
            SysUpTime = (uint)(100_000 + (minutes * 6000)),
            Interfaces = [new InterfaceReading(1) { Name = "wan0", Alias = alias }],
        });
        var fields = output.Points.Single(p => p.Measurement == "interface").Fields;
        return fields.TryGetValue("if_alias", out var value) ? value.StringValue : null;
    }

    [Fact]
    public void Alias_SentFirst_OnChange_AndHourly_NotEveryPoll()
    {
        var monitor = new DeviceMonitor("s", "router");
        Assert.Equal("Cáp quang VNPT", AliasSent(monitor, 0, "Cáp quang VNPT"));
        Assert.Null(AliasSent(monitor, 1, "Cáp quang VNPT"));
        Assert.Null(AliasSent(monitor, 59, "Cáp quang VNPT"));
        Assert.Equal("Cáp quang VNPT", AliasSent(monitor, 60, "Cáp quang VNPT"));
        Assert.Null(AliasSent(monitor, 61, "Cáp quang VNPT"));
        Assert.Equal("4G Viettel dự phòng", AliasSent(monitor, 62, "4G Viettel dự phòng"));
        Assert.Equal("", AliasSent(monitor, 63, ""));
        Assert.Null(AliasSent(monitor, 64, ""));
        Assert.Null(AliasSent(monitor, 200, ""));
    }

    [Fact]
    public void Alias_WallClockGoingBack_SendsAgain()
    {
        var monitor = new DeviceMonitor("s", "router");
        Assert.NotNull(AliasSent(monitor, 30, "LAN"));
        Assert.Equal("LAN", AliasSent(monitor, 10, "LAN"));
    }

    [Fact]
    public void EmptyAlias_NeverSent()
    {
        var monitor = new DeviceMonitor("s", "router");
        Assert.Null(AliasSent(monitor, 0, ""));
        Assert.Null(AliasSent(monitor, 120, ""));
    }
}
