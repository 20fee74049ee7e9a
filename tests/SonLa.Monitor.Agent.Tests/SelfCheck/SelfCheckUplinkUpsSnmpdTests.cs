using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Agent.Tests.Cli;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>The uplink and UPS checks against real snmpds serving IF-MIB and UPS-MIB rows.</summary>
public sealed class SelfCheckUplinkUpsSnmpdTests : IDisposable
{
    private readonly TempDirectory _directory = new("sonla-selfcheck-snmp");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task UplinkEnabledButDown_Fail_ProviderHint()
    {
        await using var router = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router",
        [
            new SimulatedInterface(1, "wan0") { OperStatus = 2 },
            new SimulatedInterface(2, "lan0"),
            new SimulatedInterface(3, "unused") { AdminStatus = 2, OperStatus = 2 },
        ]));
        var config = new SelfCheckConfig().V2c("router", router.Address, role: "uplink").Write(_directory);

        var report = SelfCheckJsonReport.Parse((await CliResult.RunAsync("selfcheck", "--config", config, "--json")).StandardOutput);

        Assert.Equal("ok", report.Checks["device:router"].Status);
        var uplink = report.Checks["uplink:router"];
        Assert.Equal("fail", uplink.Status);
        Assert.Equal(SelfCheckTexts.UplinkDown.Format("router", "wan0").Vi, uplink.Message);
        Assert.Equal(SelfCheckTexts.UplinkDownHint.Vi, uplink.Hint);
    }

    [Fact]
    public async Task UplinkErrorsClimbing_Warn_LineHint()
    {
        SimulatedInterface[] Rows(uint errors) => [new SimulatedInterface(1, "wan0") { InErrors = errors }];
        await using var router = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", Rows(0)));
        var config = new SelfCheckConfig().V2c("router", router.Address, role: "uplink").Write(_directory);
        using var climbing = new CancellationTokenSource();
        // Errors keep climbing by thousands while the check reads twice.
        var feeder = Task.Run(async () =>
        {
            for (uint errors = 0; !climbing.IsCancellationRequested; errors += 5000)
            {
                router.SetRows(IfMibRows.For(Rows(errors)));
                await Task.Delay(50, CancellationToken.None);
            }
        });

        var report = SelfCheckJsonReport.Parse((await CliResult.RunAsync("selfcheck", "--config", config, "--json")).StandardOutput);
        await climbing.CancelAsync();
        await feeder;

        var uplink = report.Checks["uplink:router"];
        Assert.True(uplink.Status == "warn", uplink.Message);
        Assert.StartsWith("Cổng wan0 của router có nhiều lỗi truyền (", uplink.Message, StringComparison.Ordinal);
        Assert.Equal(SelfCheckTexts.UplinkErrorsHint.Vi, uplink.Hint);
    }

    [Theory]
    [InlineData("mains", "ok")]
    [InlineData("battery", "warn")]
    [InlineData("low", "fail")]
    public async Task UpsState_StatusAndHint(string state, string status)
    {
        var ups = state switch
        {
            "mains" => SimulatedUps.OnMains,
            "battery" => SimulatedUps.OnBattery(120, chargePercent: 87, minutesRemaining: 31),
            _ => SimulatedUps.OnBattery(1800, chargePercent: 9, minutesRemaining: 2) with { BatteryStatus = 3 },
        };
        await using var device = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups", ups));
        var config = new SelfCheckConfig().V2c("ups", device.Address, role: "ups").Write(_directory);

        var report = SelfCheckJsonReport.Parse((await CliResult.RunAsync("selfcheck", "--config", config, "--json")).StandardOutput);

        var check = report.Checks["ups:ups"];
        Assert.True(check.Status == status, check.Message);
        var expected = state switch
        {
            "mains" => (SelfCheckTexts.UpsOk.Format("ups", "100%"), LocalizedText.Empty),
            "battery" => (SelfCheckTexts.UpsOnBattery.Format("ups", "87%", "31"), SelfCheckTexts.UpsOnBatteryHint),
            _ => (SelfCheckTexts.UpsBatteryLow.Format("ups", "9%"), SelfCheckTexts.UpsBatteryLowHint),
        };
        Assert.Equal(expected.Item1.Vi, check.Message);
        Assert.Equal(expected.Item2.Vi, check.Hint);
    }
}
