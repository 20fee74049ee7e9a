using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Polling;

public sealed class UpsMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

    private static readonly UpsReading Mains = new()
    {
        BatteryStatus = 2, SecondsOnBattery = 0, EstimatedMinutesRemaining = 45, EstimatedChargeRemaining = 100, OutputSource = 3, OutputPercentLoad = 23,
    };

    private static UpsReading Battery(int seconds) => Mains with { SecondsOnBattery = seconds, OutputSource = 5, EstimatedChargeRemaining = 87, EstimatedMinutesRemaining = 31 };

    private static Dictionary<string, FieldValue> Fields(Point? point) => Assert.IsType<Point>(point).Fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void OnMains_PointWithEveryField_NoEvent()
    {
        var (point, e) = new UpsMonitor("chieng-coi", "ups").Process(Mains, T0);
        Assert.Null(e);
        Assert.Equal("ups", point!.Measurement);
        Assert.Equal(("chieng-coi", "ups"), (point.Tags["site"], point.Tags["device"]));
        Assert.Equal(Points.ToUnixNanoseconds(T0), point.TimeUnixNs);
        var fields = Fields(point);
        Assert.Equal(0, fields["on_battery"].IntValue);
        Assert.Equal(100, fields["battery_percent"].IntValue);
        Assert.Equal(45, fields["runtime_min"].IntValue);
        Assert.Equal(23, fields["output_load_percent"].IntValue);
        Assert.Equal(2, fields["battery_status"].IntValue);
        Assert.Equal(0, fields["seconds_on_battery"].IntValue);
        Assert.Equal(3, fields["output_source"].IntValue);
    }

    [Fact]
    public void MainsBatteryMains_OnePowerLostOnePowerRestored_LostDatedWhenTheUpsSwitched()
    {
        var monitor = new UpsMonitor("s", "ups");
        Assert.Null(monitor.Process(Mains, T0).Event);

        var (point, lost) = monitor.Process(Battery(20), T0.AddSeconds(60));
        Assert.Equal(1, Fields(point)["on_battery"].IntValue);
        Assert.Equal((UpsMonitor.KindPowerLost, "ups"), (lost!.Kind, lost.Device));
        // The UPS says it switched 20 s ago: the event carries that time, not the poll's.
        Assert.Equal(Points.ToUnixNanoseconds(T0.AddSeconds(40)), lost.TimeUnixNs);
        Assert.Equal("UPS switched to battery: mains power lost (charge 87%, about 31 min of runtime left)", lost.Message);

        Assert.Null(monitor.Process(Battery(80), T0.AddSeconds(120)).Event);
        Assert.Null(monitor.Process(Battery(140), T0.AddSeconds(180)).Event);

        var (mainsPoint, restored) = monitor.Process(Mains, T0.AddSeconds(240));
        Assert.Equal(0, Fields(mainsPoint)["on_battery"].IntValue);
        Assert.Equal(UpsMonitor.KindPowerRestored, restored!.Kind);
        Assert.Equal(Points.ToUnixNanoseconds(T0.AddSeconds(240)), restored.TimeUnixNs);
        Assert.Equal("UPS back on mains after about 3 min on battery", restored.Message);
        Assert.Null(monitor.Process(Mains, T0.AddSeconds(300)).Event);
    }

    [Fact]
    public void SwitchTime_NeverBeforeThePreviousReadingThatSawMains()
    {
        var monitor = new UpsMonitor("s", "ups");
        monitor.Process(Mains, T0);
        // upsSecondsOnBattery larger than the poll gap (a clock of the UPS's own): clamped to the mains reading.
        var lost = monitor.Process(Battery(600), T0.AddSeconds(60)).Event;
        Assert.Equal(Points.ToUnixNanoseconds(T0), lost!.TimeUnixNs);
    }

    [Fact]
    public void OnBatteryAtAgentStart_PowerLostOnce_SaysSo()
    {
        var monitor = new UpsMonitor("s", "ups");
        var lost = monitor.Process(Battery(1500), T0).Event;
        Assert.Equal(UpsMonitor.KindPowerLost, lost!.Kind);
        Assert.Equal(Points.ToUnixNanoseconds(T0), lost.TimeUnixNs);
        Assert.Equal("UPS on battery at agent start (on battery for 25 min, charge 87%, about 31 min of runtime left)", lost.Message);
        Assert.Null(monitor.Process(Battery(1560), T0.AddSeconds(60)).Event);
        Assert.Equal(UpsMonitor.KindPowerRestored, monitor.Process(Mains, T0.AddSeconds(120)).Event!.Kind);
    }

    [Fact]
    public void OnMainsAtAgentStart_IsNoTransition()
    {
        Assert.Null(new UpsMonitor("s", "ups").Process(Mains, T0).Event);
    }

    [Theory]
    [InlineData(null, 0, 0)]
    [InlineData(null, 35, 1)]
    [InlineData(1, 35, 1)]
    [InlineData(1, 0, 0)]
    [InlineData(5, 0, 1)]
    [InlineData(3, 35, 0)]
    [InlineData(4, null, 0)]
    [InlineData(6, null, 0)]
    public void OnBattery_FromOutputSource_ElseSecondsOnBattery(int? source, int? seconds, int expected)
    {
        var reading = new UpsReading { OutputSource = source, SecondsOnBattery = seconds };
        Assert.Equal(expected, Fields(new UpsMonitor("s", "ups").Process(reading, T0).Point)["on_battery"].IntValue);
    }

    [Fact]
    public void NeitherSourceNorSeconds_NoOnBatteryField_NoEvent_StateKept()
    {
        var monitor = new UpsMonitor("s", "ups");
        monitor.Process(Battery(10), T0);
        var (point, e) = monitor.Process(new UpsReading { EstimatedChargeRemaining = 80 }, T0.AddSeconds(60));
        Assert.Null(e);
        var fields = Fields(point);
        Assert.False(fields.ContainsKey("on_battery"));
        Assert.Equal(80, fields["battery_percent"].IntValue);
        Assert.Equal(true, monitor.OnBattery);
        Assert.Equal(UpsMonitor.KindPowerRestored, monitor.Process(Mains, T0.AddSeconds(120)).Event!.Kind);
    }

    [Fact]
    public void NothingRead_NoPoint()
    {
        var (point, e) = new UpsMonitor("s", "ups").Process(new UpsReading { Error = "UPS-MIB battery/output group: no answer" }, T0);
        Assert.Null(point);
        Assert.Null(e);
    }
}
