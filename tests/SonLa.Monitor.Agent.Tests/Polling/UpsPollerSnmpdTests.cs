using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>UPS-MIB polling of real net-snmp snmpds serving simulated UPS rows that tests switch to battery and back.</summary>
public sealed class UpsPollerSnmpdTests : IAsyncLifetime
{
    private readonly SnmpClient _client = new(TimeProvider.System);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private static DeviceOptions Device(string address, string role = "ups", string version = "2c") => new()
    {
        Name = "ups",
        Host = address,
        Endpoint = HostAndPort.TryParse(address, 161, out var endpoint) ? endpoint : throw new ArgumentException(address),
        Version = version,
        Community = new Secret("public"),
        Role = role,
        TimeoutSeconds = 3,
    };

    private static Dictionary<string, FieldValue> UpsFields(PollOutput output) =>
        Assert.Single(output.Points, p => p.Measurement == "ups").Fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task MainsThenBatteryThenMains_UpsPointsRight_PowerLostThenPowerRestored()
    {
        await using var snmpd = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups-chieng-coi", SimulatedUps.OnMains));
        var poller = new DevicePoller(Device(snmpd.Address), _client, TimeProvider.System);
        var monitor = new DeviceMonitor("chieng-coi", "ups");

        var mainsPoll = await poller.PollAsync(CancellationToken.None);
        Assert.True(mainsPoll.Reachable, mainsPoll.Error);
        Assert.False(mainsPoll.Partial, mainsPoll.Error);
        var mains = monitor.Process(mainsPoll);
        Assert.Empty(mains.Events);
        var point = Assert.Single(mains.Points, p => p.Measurement == "ups");
        Assert.Equal(("chieng-coi", "ups"), (point.Tags["site"], point.Tags["device"]));
        var fields = UpsFields(mains);
        Assert.Equal(0, fields["on_battery"].IntValue);
        Assert.Equal(100, fields["battery_percent"].IntValue);
        Assert.Equal(45, fields["runtime_min"].IntValue);
        Assert.Equal(23, fields["output_load_percent"].IntValue);
        Assert.Equal(2, fields["battery_status"].IntValue);
        Assert.Equal(0, fields["seconds_on_battery"].IntValue);

        snmpd.SetRows(UpsMibRows.For(SimulatedUps.OnBattery(12, chargePercent: 87, minutesRemaining: 31)));
        var battery = monitor.Process(await poller.PollAsync(CancellationToken.None));
        fields = UpsFields(battery);
        Assert.Equal(1, fields["on_battery"].IntValue);
        Assert.Equal(87, fields["battery_percent"].IntValue);
        Assert.Equal(31, fields["runtime_min"].IntValue);
        Assert.Equal(12, fields["seconds_on_battery"].IntValue);
        var lost = Assert.Single(battery.Events);
        Assert.Equal(("power_lost", "ups"), (lost.Kind, lost.Device));
        Assert.StartsWith("UPS switched to battery: mains power lost", lost.Message, StringComparison.Ordinal);

        snmpd.SetRows(UpsMibRows.For(SimulatedUps.OnBattery(72, chargePercent: 80, minutesRemaining: 27)));
        Assert.Empty(monitor.Process(await poller.PollAsync(CancellationToken.None)).Events);

        snmpd.SetRows(UpsMibRows.For(SimulatedUps.OnMains with { EstimatedChargeRemaining = 81 }));
        var back = monitor.Process(await poller.PollAsync(CancellationToken.None));
        Assert.Equal(0, UpsFields(back)["on_battery"].IntValue);
        Assert.Equal(81, UpsFields(back)["battery_percent"].IntValue);
        var restored = Assert.Single(back.Events);
        Assert.Equal(("power_restored", "ups"), (restored.Kind, restored.Device));
        Assert.StartsWith("UPS back on mains", restored.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2c")]
    [InlineData("1")]
    public async Task UpsWithOnlySomeObjects_GivesTheFieldsItHas_OnBatteryFromSecondsOnBattery(string version)
    {
        // No upsOutputSource, no upsBatteryStatus, no runtime, no upsOutputTable (in SNMPv1 each absence is a noSuchName).
        var partial = new SimulatedUps
        {
            BatteryStatus = null, OutputSource = null, EstimatedMinutesRemaining = null, SecondsOnBattery = 35, EstimatedChargeRemaining = 60,
            OutputPercentLoads = [],
        };
        await using var snmpd = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups-old", partial));
        var result = await new DevicePoller(Device(snmpd.Address, version: version), _client, TimeProvider.System).PollAsync(CancellationToken.None);
        Assert.True(result.Reachable, result.Error);
        Assert.Null(result.Ups!.Error);
        var output = new DeviceMonitor("s", "ups").Process(result);
        var fields = UpsFields(output);
        Assert.Equal(["battery_percent", "on_battery", "seconds_on_battery"], fields.Keys.Order());
        Assert.Equal(1, fields["on_battery"].IntValue);
        Assert.Equal(60, fields["battery_percent"].IntValue);
        Assert.Equal("power_lost", Assert.Single(output.Events).Kind);
        Assert.StartsWith("UPS on battery at agent start (on battery for 35 s", output.Events[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreePhaseUps_OutputLoadIsTheMostLoadedLine()
    {
        await using var snmpd = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups-3p", SimulatedUps.OnMains with { OutputPercentLoads = [23, 71, 40] }));
        var result = await new DevicePoller(Device(snmpd.Address), _client, TimeProvider.System).PollAsync(CancellationToken.None);
        Assert.Equal(71, UpsFields(new DeviceMonitor("s", "ups").Process(result))["output_load_percent"].IntValue);
    }

    [Fact]
    public async Task DeviceWithoutTheUpsRole_NoUpsPoint_EvenWhenItHasTheMib()
    {
        await using var snmpd = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups-as-router", SimulatedUps.OnBattery(60)));
        var result = await new DevicePoller(Device(snmpd.Address, role: "uplink"), _client, TimeProvider.System).PollAsync(CancellationToken.None);
        Assert.True(result.Reachable, result.Error);
        Assert.Null(result.Ups);
        var output = new DeviceMonitor("s", "router").Process(result);
        Assert.DoesNotContain(output.Points, p => p.Measurement == "ups");
        Assert.Empty(output.Events);
    }

    [Fact]
    public async Task UpsRoleOnADeviceWithoutTheMib_NoUpsPoint_PollNotPartial()
    {
        await using var snmpd = await SnmpdServer.StartAsync(new SnmpdOptions { SysName = "not-a-ups" });
        var result = await new DevicePoller(Device(snmpd.Address), _client, TimeProvider.System).PollAsync(CancellationToken.None);
        Assert.True(result.Reachable, result.Error);
        Assert.False(result.Partial, result.Error);
        var output = new DeviceMonitor("s", "ups").Process(result);
        Assert.Single(output.Points, p => p.Measurement == "device");
        Assert.DoesNotContain(output.Points, p => p.Measurement == "ups");
    }
}
