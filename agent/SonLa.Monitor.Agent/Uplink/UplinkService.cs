using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Keeps one AgentGateway.Connect stream open: Hello → Welcome, then every outbox batch in order (a window of
/// unacknowledged ones in flight), a heartbeat every interval. Batches leave the outbox only on BatchAck (or BatchReject,
/// counted). On any failure: jittered exponential back-off and a new stream that resends every unacknowledged batch.
/// </summary>
public sealed class UplinkService(
    AgentGateway.AgentGatewayClient client,
    AgentIdentity identity,
    IOutbox outbox,
    string bearerToken,
    Uri collectorUrl,
    UplinkSettings settings,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private long _rejected;
    private int _connected;

    public bool IsConnected => Volatile.Read(ref _connected) == 1;

    public long StreamsOpened { get; private set; }

    public long Rejected => Interlocked.Read(ref _rejected);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Appended += Wake;
        try
        {
            var attempt = 0;
            var wasConnected = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                string reason;
                try
                {
                    await RunStreamAsync(stoppingToken);
                    reason = "stream ended";
                }
                catch (Exception) when (stoppingToken.IsCancellationRequested)
                {
                    // Shutting down cancels the call (RpcException Cancelled, or OperationCanceled): not a disconnect to
                    // retry or warn about. Unacknowledged batches stay in the outbox for the next start.
                    if (Interlocked.Exchange(ref _connected, 0) == 1)
                    {
                        AgentLog.CollectorStreamStopping(logger, collectorUrl);
                    }

                    return;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Whatever broke the stream, the agent keeps running and tries again: data waits in the outbox.
                    reason = ex is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : ex.Message;
                }

                var connectedThisTime = Interlocked.Exchange(ref _connected, 0) == 1;
                if (connectedThisTime && time.GetElapsedTime(started) >= settings.StableAfter)
                {
                    attempt = 0;
                }

                var delay = Backoff.Delay(attempt++, settings.MinBackoff, settings.MaxBackoff, Random.Shared.NextDouble());
                if (connectedThisTime)
                {
                    AgentLog.CollectorDisconnected(logger, collectorUrl, reason, delay.TotalSeconds);
                }
                else if (!wasConnected && attempt == 1)
                {
                    AgentLog.CollectorUnreachable(logger, collectorUrl, reason, delay.TotalSeconds);
                }
                else
                {
                    AgentLog.CollectorStillUnreachable(logger, collectorUrl, reason, delay.TotalSeconds);
                }

                wasConnected |= connectedThisTime;
                await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            outbox.Appended -= Wake;
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

    private async Task RunStreamAsync(CancellationToken stoppingToken)
    {
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var headers = new Metadata { { "authorization", "Bearer " + bearerToken } };
        using var call = client.Connect(headers, cancellationToken: streamCts.Token);
        StreamsOpened++;
        await call.RequestStream.WriteAsync(new AgentMessage
        {
            Hello = new Hello
            {
                SiteId = identity.SiteId,
                AgentVersion = identity.Version,
                BootId = identity.BootId,
                AgentTimeUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
        }, streamCts.Token);

        var heartbeat = settings.HeartbeatInterval;
        using (var welcomeCts = CancellationTokenSource.CreateLinkedTokenSource(streamCts.Token))
        {
            welcomeCts.CancelAfter(settings.WelcomeTimeout);
            if (!await call.ResponseStream.MoveNext(welcomeCts.Token) || call.ResponseStream.Current.KindCase != CollectorMessage.KindOneofCase.Welcome)
            {
                throw new InvalidOperationException("the collector did not answer Hello with Welcome");
            }

            var welcome = call.ResponseStream.Current.Welcome;
            if (welcome.HeartbeatIntervalSeconds > 0 && TimeSpan.FromSeconds(welcome.HeartbeatIntervalSeconds) < heartbeat)
            {
                heartbeat = TimeSpan.FromSeconds(welcome.HeartbeatIntervalSeconds);
            }
        }

        Volatile.Write(ref _connected, 1);
        AgentLog.CollectorConnected(logger, collectorUrl, (int)heartbeat.TotalSeconds, outbox.Statistics.PendingBatches);

        var inFlight = new HashSet<(string, ulong)>();
        var sentOnStream = new HashSet<(string, ulong)>();
        var receiver = ReceiveAsync(call.ResponseStream, inFlight, streamCts.Token);
        try
        {
            // Heartbeats go out on their own schedule, busy or idle: the collector may count only them.
            var lastHeartbeat = time.GetTimestamp();
            while (!receiver.IsCompleted)
            {
                List<SampleBatch> toSend;
                lock (inFlight)
                {
                    toSend = outbox.Pending(settings.Window + sentOnStream.Count)
                        .Where(b => !sentOnStream.Contains((b.BootId, b.Sequence)))
                        .Take(Math.Max(0, settings.Window - inFlight.Count))
                        .ToList();
                    foreach (var batch in toSend)
                    {
                        inFlight.Add((batch.BootId, batch.Sequence));
                        sentOnStream.Add((batch.BootId, batch.Sequence));
                    }
                }

                foreach (var batch in toSend)
                {
                    await call.RequestStream.WriteAsync(new AgentMessage { Batch = batch }, streamCts.Token);
                }

                var idle = time.GetElapsedTime(lastHeartbeat);
                if (idle >= heartbeat)
                {
                    await call.RequestStream.WriteAsync(new AgentMessage
                    {
                        Heartbeat = new Heartbeat { SentTimeUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds() },
                    }, streamCts.Token);
                    lastHeartbeat = time.GetTimestamp();
                    continue;
                }

                if (toSend.Count > 0)
                {
                    continue;
                }

                using (var waitCts = CancellationTokenSource.CreateLinkedTokenSource(streamCts.Token))
                {
                    var wake = _wake.WaitAsync(waitCts.Token);
                    var tick = Task.Delay(heartbeat - idle, time, waitCts.Token);
                    await Task.WhenAny(wake, tick, receiver);
                    // Cancelling a pending semaphore wait does not consume a release meant for the next pass.
                    await waitCts.CancelAsync();
                }

                // Drain extra wake-ups so one burst of appends or acks costs one pass.
                while (_wake.Wait(0, CancellationToken.None))
                {
                }
            }

            await receiver;
        }
        finally
        {
            await streamCts.CancelAsync();
            try
            {
                await receiver;
            }
            catch (Exception ex) when (ex is RpcException or OperationCanceledException or IOException or InvalidOperationException)
            {
                // The stream is being torn down; the reason was already reported.
            }
        }
    }

    private async Task ReceiveAsync(IAsyncStreamReader<CollectorMessage> responses, HashSet<(string, ulong)> inFlight, CancellationToken cancellationToken)
    {
        while (await responses.MoveNext(cancellationToken))
        {
            var message = responses.Current;
            switch (message.KindCase)
            {
                case CollectorMessage.KindOneofCase.Ack:
                    outbox.Acknowledge(message.Ack.BootId, message.Ack.Sequence);
                    Forget(inFlight, message.Ack.BootId, message.Ack.Sequence);
                    break;
                case CollectorMessage.KindOneofCase.Reject:
                    outbox.Reject(message.Reject.BootId, message.Reject.Sequence);
                    Forget(inFlight, message.Reject.BootId, message.Reject.Sequence);
                    AgentLog.BatchRejected(logger, message.Reject.BootId, message.Reject.Sequence, message.Reject.Reason, Interlocked.Increment(ref _rejected));
                    break;
                default:
                    break;
            }
        }

        throw new InvalidOperationException("the collector closed the stream");
    }

    private void Forget(HashSet<(string, ulong)> inFlight, string bootId, ulong sequence)
    {
        lock (inFlight)
        {
            inFlight.Remove((bootId, sequence));
        }

        Wake();
    }
}
