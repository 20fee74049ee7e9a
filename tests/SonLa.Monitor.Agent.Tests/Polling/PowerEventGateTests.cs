using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Polling;

public sealed class PowerEventGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

    private static Event Power(string kind, string device = "ups", string trapOid = "") =>
        new() { Device = device, Kind = kind, Message = kind, TrapOid = trapOid, TimeUnixNs = Points.ToUnixNanoseconds(T0) };

    private static Point Ups(int onBattery, string device = "ups", int seconds = 0)
    {
        var point = Points.Create("ups", T0.AddSeconds(seconds), ("site", "s"), ("device", device));
        point.Fields["on_battery"] = Points.Int(onBattery);
        return point;
    }

    [Fact]
    public void TrapThenPoll_OnePowerLost_RepeatedTrapsDropped()
    {
        var sink = new RecordingSink();
        var gate = new PowerEventGate(sink);
        gate.Write([], [Power(UpsMonitor.KindPowerLost, trapOid: ".1.3.6.1.2.1.33.2.1")]);
        // The poll saw the same switch; the trap is resent a minute later.
        gate.Write([Ups(1)], [Power(UpsMonitor.KindPowerLost)]);
        gate.Write([], [Power(UpsMonitor.KindPowerLost, trapOid: ".1.3.6.1.2.1.33.2.1")]);
        gate.Write([Ups(0)], [Power(UpsMonitor.KindPowerRestored)]);

        Assert.Equal([UpsMonitor.KindPowerLost, UpsMonitor.KindPowerRestored], sink.Events.Select(e => e.Kind));
        Assert.Equal(".1.3.6.1.2.1.33.2.1", sink.Events[0].TrapOid);
        Assert.Equal(2, gate.Dropped);
        Assert.Equal(2, sink.Points.Count);
    }

    [Fact]
    public void TrapOnly_ThenAPollOnMains_PowerRestoredAddedAtThePointsTime()
    {
        var sink = new RecordingSink();
        var gate = new PowerEventGate(sink);
        gate.Write([Ups(0)], []);
        gate.Write([], [Power(UpsMonitor.KindPowerLost, trapOid: ".1.3.6.1.2.1.33.2.1")]);
        gate.Write([Ups(0, seconds: 60)], []);
        gate.Write([Ups(0, seconds: 120)], []);

        Assert.Equal([UpsMonitor.KindPowerLost, UpsMonitor.KindPowerRestored], sink.Events.Select(e => e.Kind));
        Assert.Equal(Points.ToUnixNanoseconds(T0.AddSeconds(60)), sink.Events[1].TimeUnixNs);
        Assert.Equal("ups", sink.Events[1].Device);
    }

    [Fact]
    public void UpsesAreApart_AndOtherDataPassesUntouched()
    {
        var sink = new RecordingSink();
        var gate = new PowerEventGate(sink);
        var device = Points.Create("device", T0, ("site", "s"), ("device", "router"));
        var linkDown = new Event { Device = "router", Kind = "link_down" };
        gate.Write([device], [linkDown]);
        gate.Write([Ups(1, "ups-a")], [Power(UpsMonitor.KindPowerLost, "ups-a")]);
        gate.Write([Ups(1, "ups-b")], [Power(UpsMonitor.KindPowerLost, "ups-b")]);

        Assert.Same(linkDown, sink.Events[0]);
        Assert.Equal(["router", "ups-a", "ups-b"], sink.Events.Select(e => e.Device));
        Assert.Equal(0, gate.Dropped);
    }
}
