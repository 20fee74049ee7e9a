using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Traps;

/// <summary>The agent's trap job with real snmptrap/snmpinform and a real outbox, no collector.</summary>
public sealed class TrapReceiverServiceTests
{
    private const string Community = "site-trap-community";

    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public Running(string deviceHost, double maxPerSecond = 100, TimeProvider? time = null)
        {
            time ??= TimeProvider.System;
            var options = new AgentOptions
            {
                Site = new SiteOptions { Id = "chieng-coi" },
                Devices = [new DeviceOptions { Name = "router", Host = deviceHost, Endpoint = new HostAndPort(deviceHost, 161) }],
                Traps = new TrapsOptions { Listen = $"127.0.0.1:{FreePort.Udp()}", Communities = [new Secret(Community)], MaxPerSecondPerSource = maxPerSecond },
            };
            Outbox = new MemoryOutbox(1000, 64L * 1024 * 1024, time, NullLogger<MemoryOutbox>.Instance);
            var batcher = new SampleBatcher(new AgentIdentity("chieng-coi", "boot-1", "test"), Outbox, 1000);
            Service = new TrapReceiverService(options, batcher, Counters, time, NullLogger<TrapReceiverService>.Instance);
            _ = Service.StartAsync(_stop.Token);
        }

        public TrapCounters Counters { get; } = new();

        public MemoryOutbox Outbox { get; }

        public TrapReceiverService Service { get; }

        public async Task<string> TargetAsync() => $"127.0.0.1:{(await Service.Listening)!.Port}";

        public List<Event> Events => Outbox.Pending(1000).SelectMany(b => b.Events).ToList();

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            await _stop.CancelAsync();
            _stop.Dispose();
            Service.Dispose();
        }
    }

    [Fact]
    public async Task V2cLinkDown_FromADevice_IsAnEventInTheOutboxAtOnce()
    {
        await using var running = new Running("127.0.0.1");
        var target = await running.TargetAsync();
        var run = await SnmpdServer.RunToolAsync("snmptrap", ["-v", "2c", "-c", Community, target, "12345", ".1.3.6.1.6.3.1.1.5.3",
            ".1.3.6.1.2.1.2.2.1.1.3", "i", "3", ".1.3.6.1.2.1.2.2.1.2.3", "s", "ge-0/0/2"]);
        Assert.Equal(0, run.ExitCode);

        // No BatchingService runs here: the trap job closes the batch itself.
        await Poll.UntilAsync(() => Task.FromResult(running.Events.Count == 1), TimeSpan.FromSeconds(30), "the trap's event in the outbox");
        var e = running.Events.Single();
        Assert.Equal("router", e.Device);
        Assert.Equal("link_down", e.Kind);
        Assert.Equal("3", e.IfIndex);
        Assert.Equal("interface 3 (ge-0/0/2) went down (linkDown trap)", e.Message);
        Assert.Equal("ge-0/0/2", e.Varbinds[".1.3.6.1.2.1.2.2.1.2.3"]);
        Assert.Equal(1, running.Counters.Received);
    }

    [Fact]
    public async Task V2cInform_IsAnswered_AndStored()
    {
        await using var running = new Running("127.0.0.1");
        var run = await SnmpdServer.RunToolAsync("snmpinform", ["-v", "2c", "-c", Community, "-t", "1", "-r", "3", await running.TargetAsync(), "0", ".1.3.6.1.6.3.1.1.5.1"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        await Poll.UntilAsync(() => Task.FromResult(running.Events.Count == 1), TimeSpan.FromSeconds(30), "the inform's event");
        Assert.Equal("cold_start", running.Events.Single().Kind);
    }

    [Fact]
    public async Task TrapsFromAnAddressThatIsNoDevice_AreDroppedAndCounted()
    {
        await using var running = new Running("192.0.2.1");
        var target = await running.TargetAsync();
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", ["-v", "2c", "-c", Community, target, "1", ".1.3.6.1.6.3.1.1.5.3"])).ExitCode);
        await Poll.UntilAsync(() => Task.FromResult(running.Counters.DroppedUnknownSource == 1), TimeSpan.FromSeconds(30), "the unknown source counted");
        Assert.Empty(running.Events);
        Assert.Equal(0, running.Counters.Received);
    }

    [Fact]
    public async Task AFlood_IsCutToTheBurst_PerSource_TheRestCounted()
    {
        // Frozen time: no refill, so exactly the burst (twice the rate) gets through.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var running = new Running("127.0.0.1", maxPerSecond: 5, time);
        var target = await running.Service.Listening;
        var trap = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "site-trap-community"u8.ToArray(), new Pdu(PduType.SNMPv2Trap, 1,
        [
            new(TrapV1Translation.SysUpTime, SnmpValue.TimeTicks(1)),
            new(TrapV1Translation.SnmpTrapOid, SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.4"))),
        ])));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        for (var i = 0; i < 50; i++)
        {
            await socket.SendToAsync(trap, SocketFlags.None, target!);
        }

        await Poll.UntilAsync(() => Task.FromResult(running.Counters.Received + running.Counters.RateLimited == 50), TimeSpan.FromSeconds(30), "50 traps seen");
        Assert.Equal(10, running.Counters.Received);
        Assert.Equal(40, running.Counters.RateLimited);
        Assert.Equal(10, running.Events.Count);
    }

    [Fact]
    public async Task NoListen_NothingRuns()
    {
        var options = new AgentOptions { Site = new SiteOptions { Id = "x" } };
        var outbox = new MemoryOutbox(10, 1024 * 1024, TimeProvider.System, NullLogger<MemoryOutbox>.Instance);
        var batcher = new SampleBatcher(new AgentIdentity("x", "boot", "test"), outbox, 10);
        using var service = new TrapReceiverService(options, batcher, new TrapCounters(), TimeProvider.System, NullLogger<TrapReceiverService>.Instance);
        await service.StartAsync(CancellationToken.None);
        Assert.Null(await service.Listening);
        await service.StopAsync(CancellationToken.None);
    }
}
