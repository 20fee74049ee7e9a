using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>SNMPv3 (USM) polling of real net-snmp snmpds: authPriv SHA-256/AES, recovery after restarts and silence, precise errors, cloned engine ids.</summary>
public sealed class DevicePollerV3SnmpdTests : IAsyncLifetime
{
    private const string AuthPass = "auth-Phrase-5521";
    private const string PrivPass = "priv-Phrase-9034";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly SnmpClient _client = new(TimeProvider.System);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private static SimulatedInterface[] Interfaces(ulong wanIn) =>
    [
        new(1, "wan0") { SpeedBitsPerSecond = 1_000_000_000, InOctets = wanIn, OutOctets = 5 },
        new(2, "lan0") { SpeedBitsPerSecond = 100_000_000, InOctets = 1, OutOctets = 2 },
    ];

    private static Task<SnmpdServer> StartSnmpdAsync(string sysName, params string[] extra)
    {
        var options = IfMibRows.DeviceOptions(sysName, Interfaces(1_000_000));
        return SnmpdServer.StartAsync(new SnmpdOptions
        {
            SysName = options.SysName,
            ExtraPassPersistRoots = options.ExtraPassPersistRoots,
            DisabledModules = options.DisabledModules,
            PassPersistRows = options.PassPersistRows,
            ExtraConfig = [$"createUser mon SHA-256 \"{AuthPass}\" AES \"{PrivPass}\"", "rouser mon priv", .. extra],
        });
    }

    private static DeviceOptions Device(string name, string address, string authPass = AuthPass, int index = 0, double timeoutSeconds = 1, int retries = 1) => new()
    {
        Index = index,
        Name = name,
        Host = address,
        Endpoint = HostAndPort.TryParse(address, 161, out var endpoint) ? endpoint : throw new ArgumentException(address),
        Version = "3",
        User = "mon",
        Level = "authPriv",
        AuthProtocol = "SHA-256",
        AuthPassphrase = new Secret(authPass),
        PrivProtocol = "AES",
        PrivPassphrase = new Secret(PrivPass),
        TimeoutSeconds = timeoutSeconds,
        Retries = retries,
    };

    [Fact]
    public async Task AuthPriv_PollsLikeV2c_InterfacesAndReachable()
    {
        await using var snmpd = await StartSnmpdAsync("fw-v3");
        var poller = new DevicePoller(Device("fw", snmpd.Address), _client, TimeProvider.System);
        var result = await poller.PollAsync(CancellationToken.None);
        Assert.True(result.Reachable, result.Error);
        Assert.False(result.Partial, result.Error);
        Assert.Equal("fw-v3", result.SysName);
        Assert.Equal([1, 2], result.Interfaces.Select(i => (int)i.IfIndex).Order());
        Assert.Equal(1_000_000UL, result.Interfaces.Single(i => i.IfIndex == 1).InOctets!.Value.Value);
    }

    [Fact]
    public async Task SnmpdRestartedBetweenPolls_EngineBootsIncrease_NextPollsReachable()
    {
        await using var snmpd = await StartSnmpdAsync("fw-restart");
        var device = Device("fw", snmpd.Address);
        var poller = new DevicePoller(device, _client, TimeProvider.System);
        var monitor = new DeviceMonitor("s", "fw");
        var first = monitor.Process(await poller.PollAsync(CancellationToken.None));
        Assert.Equal(1, first.Points.Single(p => p.Measurement == "device").Fields["reachable"].IntValue);
        var endPoint = new IPEndPoint(IPAddress.Loopback, snmpd.Port);
        Assert.True(_client.TryGetEngine(endPoint, out var before));

        for (var restart = 0; restart < 2; restart++)
        {
            await snmpd.RestartAsync();
            var result = await poller.PollAsync(CancellationToken.None);
            Assert.True(result.Reachable, result.Error);
            var output = monitor.Process(result);
            Assert.Equal(1, output.Points.Single(p => p.Measurement == "device").Fields["reachable"].IntValue);
            Assert.NotEmpty(result.Interfaces);
        }

        Assert.True(_client.TryGetEngine(endPoint, out var after));
        Assert.Equal(before.EngineIdHex, after.EngineIdHex);
        Assert.True(after.EngineBoots >= before.EngineBoots + 2, $"boots {before.EngineBoots} -> {after.EngineBoots}");
    }

    [Fact]
    public async Task DeviceSilentForAWhile_UnreachableThenReachableAgain_SameClient()
    {
        await using var snmpd = await StartSnmpdAsync("fw-silent");
        var device = Device("fw", snmpd.Address, timeoutSeconds: 1, retries: 1);
        var poller = new DevicePoller(device, _client, TimeProvider.System);
        var schedule = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new RecordingSink();
        var logger = new ListLogger();
        var loop = new DevicePollLoop(device, poller.PollAsync, new DeviceMonitor("s", "fw"), sink, schedule, logger);
        Assert.NotNull(await loop.PollOnceAsync(CancellationToken.None));

        snmpd.Stop();
        await loop.PollOnceAsync(CancellationToken.None);
        await loop.PollOnceAsync(CancellationToken.None);
        await snmpd.RestartAsync();
        // Back within a poll or two (a loaded machine may lose the first answer), never needing a new client.
        for (var i = 0; i < 3 && LastReachable(sink) != 1; i++)
        {
            await loop.PollOnceAsync(CancellationToken.None);
        }

        await loop.PollOnceAsync(CancellationToken.None);
        var reachable = sink.Points.Where(p => p.Measurement == "device").Select(p => p.Fields["reachable"].IntValue).ToList();
        Assert.Equal([1L, 0L, 0L], reachable.Take(3));
        Assert.Equal([1L, 1L], reachable.TakeLast(2));
        Assert.Equal(["unreachable", "reachable"], sink.Events.Select(e => e.Kind));
        // One line for going down (not one per failed poll), one for coming back.
        Assert.Single(logger.Lines, l => l.Text.Contains("unreachable", StringComparison.Ordinal));
        Assert.Single(logger.Lines, l => l.Text.Contains("reachable again", StringComparison.Ordinal));
    }

    private static long LastReachable(RecordingSink sink) =>
        sink.Points.Last(p => p.Measurement == "device").Fields["reachable"].IntValue;

    [Fact]
    public async Task WrongAuthPassphrase_OneLineNamingTheKeys_NotOnePerPoll_NoSecret()
    {
        await using var snmpd = await StartSnmpdAsync("fw-wrong");
        var device = Device("fw", snmpd.Address, authPass: "wrong-Phrase-0000", index: 2);
        var poller = new DevicePoller(device, _client, TimeProvider.System);
        var sink = new RecordingSink();
        var logger = new ListLogger();
        var loop = new DevicePollLoop(device, poller.PollAsync, new DeviceMonitor("s", "fw"), sink, new FakeTimeProvider(), logger);
        for (var i = 0; i < 3; i++)
        {
            await loop.PollOnceAsync(CancellationToken.None);
        }

        Assert.All(sink.Points.Where(p => p.Measurement == "device"), p => Assert.Equal(0, p.Fields["reachable"].IntValue));
        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("Device fw: SNMPv3 authentication failed (wrong digest): check Devices:2:AuthPassphrase / AuthProtocol", line.Text);
        Assert.DoesNotContain("wrong-Phrase", string.Join("\n", sink.Events.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDevicesWithTheSameEngineId_OneWarningNamingBoth()
    {
        // net-snmp's engineID directive: both snmpds derive the same snmpEngineID from the same text, as cloned configs do.
        await using var first = await StartSnmpdAsync("clone-a", "engineID sonla-cloned");
        await using var second = await StartSnmpdAsync("clone-b", "engineID sonla-cloned");
        await using var third = await StartSnmpdAsync("own");
        var logger = new ListLogger();
        var watch = new EngineIdWatch(_client, logger);
        var pollers = new[] { ("fw-a", first), ("fw-b", second), ("router", third) }
            .Select(d => new DevicePoller(Device(d.Item1, d.Item2.Address), _client, TimeProvider.System, watch))
            .ToList();
        for (var round = 0; round < 2; round++)
        {
            foreach (var poller in pollers)
            {
                var result = await poller.PollAsync(CancellationToken.None);
                Assert.True(result.Reachable, result.Error);
            }
        }

        var warning = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("fw-a", warning.Text, StringComparison.Ordinal);
        Assert.Contains("fw-b", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("router", warning.Text, StringComparison.Ordinal);
        Assert.Equal(1, watch.Duplicates);
    }
}
