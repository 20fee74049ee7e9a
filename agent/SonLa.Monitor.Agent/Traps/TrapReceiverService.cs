using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Snmp.Traps;

namespace SonLa.Monitor.Agent.Traps;

/// <summary>
/// Listens on <c>Traps:Listen</c> and turns every accepted notification from a configured device into an
/// event, written to the outbox at once. Drops are counted in the <c>agent</c> point and logged at most once a minute per
/// source and reason. Runs beside polling on its own socket and loops: a trap flood is cut at the socket.
/// </summary>
public sealed class TrapReceiverService(AgentOptions options, ISampleSink sink, TrapCounters counters,
    TimeProvider time, ILogger<TrapReceiverService> logger) : BackgroundService
{
    public static readonly TimeSpan DropLogInterval = TimeSpan.FromMinutes(1);

    private const int MaxThrottleEntries = 1024;
    private readonly Dictionary<(IPAddress, TrapRejection), long> _lastLogged = [];
    private readonly TaskCompletionSource<IPEndPoint?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bound endpoint once listening (null when traps are off or the port could not be opened).</summary>
    public Task<IPEndPoint?> Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var traps = options.Traps;
        if (traps.Listen.Length == 0 || !HostAndPort.TryParse(traps.Listen, 162, out var listen))
        {
            _listening.TrySetResult(null);
            return;
        }

        var sources = await TrapSources.ResolveAsync(options.Devices, stoppingToken);
        var engine = LocalEngine.Create(options.Site.Id, time);
        var processor = new TrapProcessor(
            traps.Communities.Where(c => !c.IsEmpty).Select(c => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(c.Reveal())),
            traps.Users.Select(TrapUserFactory.Create),
            engine);
        var receiverOptions = new TrapReceiverOptions
        {
            MaxPerSecondPerSource = traps.MaxPerSecondPerSource,
            BurstPerSource = traps.MaxPerSecondPerSource * 2,
            AcceptSource = sources.Contains,
        };

        TrapReceiver receiver;
        try
        {
            var address = listen.Address ?? (await Dns.GetHostAddressesAsync(listen.Host, stoppingToken)).First();
            receiver = new TrapReceiver(new IPEndPoint(address, listen.Port), processor, receiverOptions, time);
        }
        catch (Exception ex) when (ex is SocketException or InvalidOperationException)
        {
            // Polling goes on without traps; the operator sees why.
            AgentLog.TrapListenFailed(logger, listen.ToString(), ex.Message);
            _listening.TrySetResult(null);
            return;
        }

        using (receiver)
        {
            counters.Attach(receiver.Statistics);
            AgentLog.TrapsListening(logger, receiver.LocalEndPoint.ToString(), sources.Count, traps.Communities.Count, traps.Users.Count,
                Convert.ToHexString(engine.EngineId.Span));
            _listening.TrySetResult(receiver.LocalEndPoint);
            await receiver.RunAsync(
                notification => OnNotification(notification, sources),
                (source, rejection) => OnRejected(source.Address, rejection, receiver.Statistics),
                cancellationToken: stoppingToken);
        }
    }

    private void OnNotification(SnmpNotification notification, TrapSources sources)
    {
        if (sources.TryGetDevice(notification.Source.Address, out var device))
        {
            sink.Write([], [TrapEventMapper.ToEvent(notification, device, time.GetUtcNow())]);
        }
    }

    private void OnRejected(IPAddress source, TrapRejection rejection, TrapReceiverStatistics statistics)
    {
        var reason = rejection switch
        {
            TrapRejection.UnknownSource => "not the address of a configured device",
            TrapRejection.RateLimited => $"over {options.Traps.MaxPerSecondPerSource} traps/s from one source",
            TrapRejection.QueueFull => "receive queue full",
            TrapRejection.WrongCommunity => "community not in Traps:Communities",
            TrapRejection.AuthenticationFailed => "SNMPv3 authentication failed (check Traps:Users: User, EngineId, protocols, passphrases)",
            TrapRejection.Malformed or TrapRejection.NotANotification => "malformed or not a notification",
            _ => null,
        };
        if (reason is null)
        {
            return;
        }

        var now = time.GetTimestamp();
        var key = (source, rejection);
        if (_lastLogged.TryGetValue(key, out var last) && time.GetElapsedTime(last, now) < DropLogInterval)
        {
            return;
        }

        if (_lastLogged.Count >= MaxThrottleEntries)
        {
            _lastLogged.Clear();
        }

        _lastLogged[key] = now;
        AgentLog.TrapsDropped(logger, source.ToString(), reason, statistics.Get(rejection));
    }
}
