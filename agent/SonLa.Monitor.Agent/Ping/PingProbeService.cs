using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Ping;

/// <summary>
/// The <c>Ping</c> targets of agent.json, each on its own schedule (a round now, then one per interval): a round of
/// echo requests gives one <c>ping</c> point (tags site, target; fields rtt_ms, the average of the answered requests,
/// and loss_percent). A round that could not send at all (no ICMP socket, name not resolved) writes nothing: no data is
/// not 100% loss. Logs state changes, not every round.
/// </summary>
public sealed class PingProbeService(AgentOptions options, ISampleSink sink, TimeProvider time, ILogger<PingProbeService> logger,
    IcmpEchoClient? client = null) : BackgroundService
{
    private readonly IcmpEchoClient _client = client ?? new IcmpEchoClient(time);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(options.Ping.Select(target => Task.Run(() => RunAsync(target, stoppingToken), CancellationToken.None)));
    }

    private async Task RunAsync(PingTargetOptions target, CancellationToken cancellationToken)
    {
        AgentLog.PingStarted(logger, target.Name, target.Host, target.IntervalSeconds, target.Count, target.TimeoutMilliseconds);
        var state = new TargetState();
        using var timer = new PeriodicTimer(target.Interval, time);
        try
        {
            do
            {
                await ProbeOnceAsync(target, state, cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: the point written (null when nothing could be sent).</summary>
    public Task<Point?> ProbeOnceAsync(PingTargetOptions target, CancellationToken cancellationToken) =>
        ProbeOnceAsync(target, new TargetState(), cancellationToken);

    private async Task<Point?> ProbeOnceAsync(PingTargetOptions target, TargetState state, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        PingResult result;
        try
        {
            var address = await ResolveAsync(target.Host, cancellationToken);
            result = await _client.PingAsync(address, target.Count, target.Timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IcmpUnavailableException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            var why = ex.Message;
            if (!string.Equals(state.Failure, why, StringComparison.Ordinal))
            {
                state.Failure = why;
                if (ex is IcmpUnavailableException)
                {
                    AgentLog.PingUnavailable(logger, target.Name, why);
                }
                else
                {
                    AgentLog.PingResolveFailed(logger, target.Name, target.Host, why);
                }
            }

            return null;
        }

        state.Failure = null;
        Report(target, state, result);
        var point = Points.Create("ping", at, ("site", options.Site.Id), ("target", target.Name));
        if (result.AverageRoundTripMilliseconds is { } rtt)
        {
            point.Fields["rtt_ms"] = Points.Double(Math.Round(rtt, 3));
        }

        point.Fields["loss_percent"] = Points.Double(Math.Round(result.LossPercent, 1));
        sink.Write([point], []);
        return point;
    }

    /// <summary>An IP literal (brackets allowed) as is; a name through the resolver, its first address.</summary>
    public static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return address;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.FirstOrDefault(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            ?? throw new SocketException((int)SocketError.HostNotFound);
    }

    private void Report(PingTargetOptions target, TargetState state, PingResult result)
    {
        var address = result.Address.ToString();
        if (state.SocketKind != result.SocketKind)
        {
            state.SocketKind = result.SocketKind;
            AgentLog.PingSocketKind(logger, target.Name, address, result.SocketKind.ToString());
        }

        var answering = result.Received > 0;
        if (state.Answering != answering)
        {
            if (!answering)
            {
                AgentLog.PingNoAnswer(logger, target.Name, address, result.Sent, result.Error is { } error ? " (" + error + ")" : "");
            }
            else if (state.Answering == false)
            {
                AgentLog.PingAnswering(logger, target.Name, address, result.AverageRoundTripMilliseconds ?? 0);
            }

            state.Answering = answering;
        }
    }

    private sealed class TargetState
    {
        public bool? Answering { get; set; }

        public IcmpSocketKind? SocketKind { get; set; }

        public string? Failure { get; set; }
    }
}
