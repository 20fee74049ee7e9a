using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>
/// upsTrapOnBattery from net-snmp's snmptrap and UPS-MIB polls of a real snmpd, both into one outbox through the
/// agent's <see cref="PowerEventGate"/>: one power_lost and one power_restored per outage.
/// </summary>
public sealed class UpsTrapSnmpdTests
{
    private const string Community = "ups-trap-community";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TrapThenPolls_OnePowerLostOnePowerRestored_RepeatedTrapDropped_V1TrapToo()
    {
        await using var snmpd = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups", SimulatedUps.OnMains));
        var device = new DeviceOptions
        {
            Name = "ups", Host = snmpd.Address, Endpoint = new HostAndPort("127.0.0.1", snmpd.Port), Community = new Secret("public"), Role = "ups", TimeoutSeconds = 3,
        };
        var options = new AgentOptions
        {
            Site = new SiteOptions { Id = "chieng-coi" },
            Devices = [device],
            Traps = new TrapsOptions { Listen = $"127.0.0.1:{FreePort.Udp()}", Communities = [new Secret(Community)] },
        };
        var outbox = new MemoryOutbox(1000, 64L * 1024 * 1024, TimeProvider.System, NullLogger<MemoryOutbox>.Instance);
        var gate = new PowerEventGate(new SampleBatcher(new AgentIdentity("chieng-coi", "boot-1", "test"), outbox, 1000));
        using var traps = new TrapReceiverService(options, gate, new TrapCounters(), TimeProvider.System, NullLogger<TrapReceiverService>.Instance);
        await using var client = new SnmpClient(TimeProvider.System);
        var poller = new DevicePoller(device, client, TimeProvider.System);
        var loop = new DevicePollLoop(device, poller.PollAsync, new DeviceMonitor("chieng-coi", "ups"), gate, TimeProvider.System, NullLogger.Instance);
        List<Event> Events() => outbox.Pending(1000).SelectMany(b => b.Events).ToList();

        using var stop = new CancellationTokenSource();
        await traps.StartAsync(stop.Token);
        try
        {
            var target = $"127.0.0.1:{(await traps.Listening)!.Port}";
            Assert.NotNull(await loop.PollOnceAsync(CancellationToken.None));
            Assert.Empty(Events());

            snmpd.SetRows(UpsMibRows.For(SimulatedUps.OnBattery(5)));
            string[] onBattery = ["-v", "2c", "-c", Community, target, "", ".1.3.6.1.2.1.33.2.1",
                ".1.3.6.1.2.1.33.1.2.3.0", "i", "31", ".1.3.6.1.2.1.33.1.2.2.0", "i", "5"];
            Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", onBattery)).ExitCode);
            await Poll.UntilAsync(() => Task.FromResult(Events().Count == 1), Deadline, "power_lost from the trap");
            var lost = Events().Single();
            Assert.Equal(("power_lost", "ups", ".1.3.6.1.2.1.33.2.1"), (lost.Kind, lost.Device, lost.TrapOid));
            Assert.Equal("UPS switched to battery: mains power lost (upsTrapOnBattery trap)", lost.Message);
            Assert.Equal("31", lost.Varbinds[".1.3.6.1.2.1.33.1.2.3.0"]);

            // The UPS resends the trap every minute; the next poll sees the same switch.
            Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", onBattery)).ExitCode);
            await Poll.UntilAsync(() => Task.FromResult(gate.Dropped == 1), Deadline, "the repeated trap dropped");
            var polled = await loop.PollOnceAsync(CancellationToken.None);
            Assert.Equal("power_lost", Assert.Single(polled!.Events).Kind);
            Assert.Equal(2, gate.Dropped);
            Assert.Single(Events());

            snmpd.SetRows(UpsMibRows.For(SimulatedUps.OnMains));
            await loop.PollOnceAsync(CancellationToken.None);
            Assert.Equal(["power_lost", "power_restored"], Events().Select(e => e.Kind));

            // The same notification as an SNMPv1 trap (enterprise upsTraps, specific 1) is upsTraps.0.1 once translated.
            Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", ["-v", "1", "-c", Community, target, ".1.3.6.1.2.1.33.2", "127.0.0.1", "6", "1", ""])).ExitCode);
            await Poll.UntilAsync(() => Task.FromResult(Events().Count == 3), Deadline, "power_lost from the v1 trap");
            var v1 = Events()[2];
            Assert.Equal(("power_lost", ".1.3.6.1.2.1.33.2.0.1"), (v1.Kind, v1.TrapOid));
            Assert.All(outbox.Pending(1000).SelectMany(b => b.Points).Where(p => p.Measurement == "ups"), p => Assert.Equal("ups", p.Tags["device"]));
        }
        finally
        {
            await traps.StopAsync(CancellationToken.None);
            await stop.CancelAsync();
        }
    }
}
