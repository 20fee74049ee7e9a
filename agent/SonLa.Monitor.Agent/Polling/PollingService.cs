using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>Runs one <see cref="DevicePollLoop"/> per device (SNMPv1, v2c and v3), all concurrently, over one shared SNMP client.</summary>
public sealed class PollingService(AgentOptions options, ISampleSink sink, PollingCounters counters, TimeProvider time, ILogger<PollingService> logger) : BackgroundService
{
    private readonly List<DevicePollLoop> _loops = [];

    public IReadOnlyList<DevicePollLoop> Loops => _loops;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var client = new SnmpClient(time);
        var engineIds = new EngineIdWatch(client, logger);
        foreach (var device in options.Devices)
        {
            var poller = new DevicePoller(device, client, time, engineIds);
            var monitor = new DeviceMonitor(options.Site.Id, device.Name);
            _loops.Add(new DevicePollLoop(device, poller.PollAsync, monitor, sink, time, logger, counters));
            AgentLog.PollingStarted(logger, device.Name, device.Endpoint.ToString(), device.Version, device.IntervalSeconds);
        }

        await Task.WhenAll(_loops.Select(loop => Task.Run(() => loop.RunAsync(stoppingToken), CancellationToken.None)));
    }
}
