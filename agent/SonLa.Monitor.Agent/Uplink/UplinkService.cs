using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Keeps one AgentGateway.Connect stream open: Hello → Welcome, then live batches (queued since the stream opened) at
/// once and the backlog behind them, events before samples, oldest first, marked backfill, in at most
/// Window − LiveReserve of the in-flight window and under the optional byte-rate cap; a heartbeat every interval.
/// Batches leave the outbox only on BatchAck (or BatchReject, counted). On any failure: the next collector URL, with
/// jittered exponential back-off once every URL failed, and a new stream that resends every unacknowledged batch.
/// </summary>
public sealed partial class UplinkService : BackgroundService
{
    private readonly IReadOnlyList<CollectorEndpoint> _endpoints;
    private readonly AgentIdentity _identity;
    private readonly IOutbox _outbox;
    private readonly string _bearerToken;
    private readonly UplinkSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<UplinkService> _logger;
    private readonly AgentClock? _clock;
    private readonly ISelfCheckRequests? _selfCheckRequests;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private long _rejected;
    private int _connected;
    private int _current;

    public UplinkService(
        IReadOnlyList<CollectorEndpoint> endpoints,
        AgentIdentity identity,
        IOutbox outbox,
        string bearerToken,
        UplinkSettings settings,
        TimeProvider time,
        ILogger<UplinkService> logger,
        AgentClock? clock = null,
        ISelfCheckRequests? selfCheckRequests = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentOutOfRangeException.ThrowIfZero(endpoints.Count);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Window, 1);
        _endpoints = endpoints;
        _identity = identity;
        _outbox = outbox;
        _bearerToken = bearerToken;
        _settings = settings with { LiveReserve = Math.Clamp(settings.LiveReserve, 0, settings.Window - 1) };
        _time = time;
        _logger = logger;
        _clock = clock;
        _selfCheckRequests = selfCheckRequests;
    }

    /// <summary>One collector (the shape before failover).</summary>
    public UplinkService(
        AgentGateway.AgentGatewayClient client,
        AgentIdentity identity,
        IOutbox outbox,
        string bearerToken,
        Uri collectorUrl,
        UplinkSettings settings,
        TimeProvider time,
        ILogger<UplinkService> logger,
        AgentClock? clock = null,
        ISelfCheckRequests? selfCheckRequests = null)
        : this([new CollectorEndpoint(collectorUrl, client)], identity, outbox, bearerToken, settings, time, logger, clock, selfCheckRequests)
    {
    }

    public bool IsConnected => Volatile.Read(ref _connected) == 1;

    public long StreamsOpened { get; private set; }

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The collector URL in use (or being tried).</summary>
    public Uri CurrentUrl => _endpoints[Volatile.Read(ref _current)].Url;

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _outbox.Appended += Wake;
        try
        {
            var attempt = 0;
            var failedThisRound = 0;
            var wasConnected = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                var endpoint = _endpoints[_current];
                var started = _time.GetTimestamp();
                string reason;
                try
                {
                    await RunStreamAsync(endpoint, stoppingToken);
                    reason = "stream ended";
                }
                catch (Exception) when (stoppingToken.IsCancellationRequested)
                {
                    // Shutting down cancels the call (RpcException Cancelled, or OperationCanceled): not a disconnect to
                    // retry or warn about. Unacknowledged batches stay in the outbox for the next start.
                    if (Interlocked.Exchange(ref _connected, 0) == 1)
                    {
                        AgentLog.CollectorStreamStopping(_logger, endpoint.Url);
                    }

                    return;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Whatever broke the stream, the agent keeps running and tries again: data waits in the outbox.
                    reason = ex is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : ex.Message;
                }

                var connectedThisTime = Interlocked.Exchange(ref _connected, 0) == 1;
                if (connectedThisTime && _time.GetElapsedTime(started) >= _settings.StableAfter)
                {
                    attempt = 0;
                    failedThisRound = 0;
                }

                // Another URL not yet tried in this round is tried at once (after the shortest delay); a round that failed
                // everywhere backs off exponentially.
                var untried = ++failedThisRound < _endpoints.Count;
                var delay = untried
                    ? Backoff.Delay(0, _settings.MinBackoff, _settings.MinBackoff, Random.Shared.NextDouble())
                    : Backoff.Delay(attempt++, _settings.MinBackoff, _settings.MaxBackoff, Random.Shared.NextDouble());
                if (!untried)
                {
                    failedThisRound = 0;
                }

                if (connectedThisTime)
                {
                    AgentLog.CollectorDisconnected(_logger, endpoint.Url, reason, delay.TotalSeconds);
                }
                else if (!wasConnected && attempt <= 1)
                {
                    AgentLog.CollectorUnreachable(_logger, endpoint.Url, reason, delay.TotalSeconds);
                }
                else
                {
                    AgentLog.CollectorStillUnreachable(_logger, endpoint.Url, reason, delay.TotalSeconds);
                }

                wasConnected |= connectedThisTime;
                if (_endpoints.Count > 1)
                {
                    var next = (_current + 1) % _endpoints.Count;
                    Volatile.Write(ref _current, next);
                    AgentLog.CollectorFailover(_logger, endpoint.Url, _endpoints[next].Url);
                }

                await Task.Delay(delay, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _outbox.Appended -= Wake;
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }
}
