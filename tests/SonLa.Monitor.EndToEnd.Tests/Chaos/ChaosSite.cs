using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// What every chaos test starts from: snmpd devices serving uptime markers (the ground truth of polls made), the whole
/// stack, and the agent reaching the collector through a link the test can cut; running until the first points of
/// every device are in InfluxDB.
/// </summary>
public sealed class ChaosSite : IAsyncDisposable
{
    private readonly TempDirectory _markers;
    private readonly List<SnmpdServer> _devices = [];

    private ChaosSite(TempDirectory markers) => _markers = markers;

    public MonitoringStack Stack { get; private set; } = null!;

    public TcpProxy Link { get; private set; } = null!;

    public Timeline Timeline { get; } = new();

    /// <summary>When the agent was stopped: a poll in progress then was never made.</summary>
    public List<InFlightWindow> Windows { get; } = [];

    /// <summary>Device name → the file its snmpd logs served markers to.</summary>
    public Dictionary<string, string> MarkerLogs { get; } = [];

    public Dictionary<string, int> InterfaceCounts { get; } = [];

    public static async Task<ChaosSite> StartAsync(string name, params (string Device, SimulatedInterface[] Interfaces)[] devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var site = new ChaosSite(new TempDirectory(name));
        try
        {
            foreach (var (device, interfaces) in devices)
            {
                site.MarkerLogs[device] = site._markers.File(device + ".markers");
                site.InterfaceCounts[device] = interfaces.Length;
                site._devices.Add(await SnmpdServer.StartAsync(UptimeMarker.DeviceOptions(device, interfaces, site.MarkerLogs[device])));
            }

            site.Stack = await MonitoringStack.StartAsync();
            site.Link = TcpProxy.Start(new Uri(site.Stack.CollectorGrpcUrl).Port);
            site.Stack.StartAgent(devices.Select((d, i) => ChaosChecks.Device(d.Device, site._devices[i])), collectorUrl: $"http://{site.Link.Address}");
            site.Timeline.Mark("agent started (through the proxy)");
            await site.Stack.WaitForRowsAsync(
                $"SELECT count(reachable) FROM device WHERE site = '{MonitoringStack.SiteId}' GROUP BY device", rows => rows.Count == devices.Length);
            site.Timeline.Mark("points of every device in InfluxDB");
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9 the agent (the poll it had in progress is then not made) and start it again on the same config and outbox.</summary>
    public void KillAndRestartAgent(string situation)
    {
        Windows.Add(ChaosChecks.KillAgent(Stack, Timeline, $"kill -9 agent ({situation})"));
        Stack.RestartAgent();
        Timeline.Mark("agent restarted");
    }

    /// <summary>
    /// Restores the link, counts what snmpd served until a few seconds later as made, and waits until every made poll
    /// is stored (or the deadline passes: the audits then say what is missing).
    /// </summary>
    public async Task<(DateTimeOffset Cutoff, IReadOnlyList<DeliveryAudit> Audits)> RestoreLinkAndDrainAsync(TimeSpan deadline)
    {
        Link.Restore();
        Timeline.Mark("link restored");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var cutoff = Timeline.Mark("cutoff: polls served until now are counted");
        var audits = await ChaosChecks.WaitForDrainAsync(Stack, MarkerLogs, Windows, cutoff, deadline);
        Timeline.Mark(audits.Any(a => a.Lost.Count > 0) ? "gave up waiting for the backlog" : "every made poll stored: backlog drained");
        return (cutoff, audits);
    }

    public async ValueTask DisposeAsync()
    {
        if (Link is not null)
        {
            await Link.DisposeAsync();
        }

        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }

        _markers.Dispose();
    }
}
