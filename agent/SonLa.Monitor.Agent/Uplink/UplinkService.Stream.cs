using Grpc.Core;
using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>One stream: what to send next (live first, then the backlog by lane) and what the collector answered.</summary>
public sealed partial class UplinkService
{
    private static readonly OutboxLane[] BacklogLanes = [OutboxLane.Events, OutboxLane.Samples];
    private static readonly WriteOptions NoCompression = new(WriteFlags.NoCompress);

    private async Task RunStreamAsync(CollectorEndpoint endpoint, CancellationToken stoppingToken)
    {
        using var streamCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // The bearer token, and gzip for every message (CollectorChannelFactory says why).
        using var call = endpoint.Client.Connect(CollectorChannelFactory.CallHeaders(_bearerToken), cancellationToken: streamCts.Token);
        StreamsOpened++;
        var helloSent = _time.GetUtcNow();
        var hello = new Hello
        {
            SiteId = _identity.SiteId,
            SiteName = _identity.SiteName,
            AgentVersion = _identity.Version,
            BootId = _identity.BootId,
            AgentTimeUnixMs = helloSent.ToUnixTimeMilliseconds(),
        };
        hello.Devices.Add(_identity.Devices.Select(d => new DeviceInfo { Name = d.Name, Role = d.Role, Host = d.Host }));
        await call.RequestStream.WriteAsync(new AgentMessage { Hello = hello }, streamCts.Token);

        var heartbeat = _settings.HeartbeatInterval;
        using (var welcomeCts = CancellationTokenSource.CreateLinkedTokenSource(streamCts.Token))
        {
            welcomeCts.CancelAfter(_settings.WelcomeTimeout);
            if (!await call.ResponseStream.MoveNext(welcomeCts.Token) || call.ResponseStream.Current.KindCase != CollectorMessage.KindOneofCase.Welcome)
            {
                throw new InvalidOperationException("the collector did not answer Hello with Welcome");
            }

            var welcome = call.ResponseStream.Current.Welcome;
            // Every session measures our clock against the collector's before any batch leaves.
            _clock?.Observe(ClockExchange.FromUnixMilliseconds(helloSent, _time.GetUtcNow(), welcome.CollectorTimeUnixMs));
            if (welcome.HeartbeatIntervalSeconds > 0 && TimeSpan.FromSeconds(welcome.HeartbeatIntervalSeconds) < heartbeat)
            {
                heartbeat = TimeSpan.FromSeconds(welcome.HeartbeatIntervalSeconds);
            }
        }

        // Everything queued before this instant is backlog; everything after is live.
        var state = new StreamState(_outbox.EndPosition, new BacklogRateLimiter(_settings.BacklogBytesPerSecond, _time));
        Volatile.Write(ref _connected, 1);
        AgentLog.CollectorConnected(_logger, endpoint.Url, (int)heartbeat.TotalSeconds, _outbox.Statistics.PendingBatches);

        var receiver = ReceiveAsync(call.ResponseStream, state, streamCts.Token);
        try
        {
            // Heartbeats go out on their own schedule, busy or idle: the collector may count only them.
            var lastHeartbeat = _time.GetTimestamp();
            while (!receiver.IsCompleted)
            {
                var toSend = Select(state);
                foreach (var batch in toSend)
                {
                    await call.RequestStream.WriteAsync(new AgentMessage { Batch = batch }, streamCts.Token);
                }

                var idle = _time.GetElapsedTime(lastHeartbeat);
                if (idle >= heartbeat)
                {
                    var sent = _time.GetUtcNow();
                    lock (state)
                    {
                        state.HeartbeatSentAt = sent;
                    }

                    // A heartbeat is a dozen bytes: gzip would add more than it saves.
                    call.RequestStream.WriteOptions = NoCompression;
                    await call.RequestStream.WriteAsync(new AgentMessage
                    {
                        Heartbeat = new Heartbeat { SentTimeUnixMs = sent.ToUnixTimeMilliseconds() },
                    }, streamCts.Token);
                    call.RequestStream.WriteOptions = null;
                    lastHeartbeat = _time.GetTimestamp();
                    continue;
                }

                if (toSend.Count > 0)
                {
                    continue;
                }

                var wait = heartbeat - idle;
                var rateWait = state.Limiter.Wait;
                if (rateWait > TimeSpan.Zero && state.BacklogLeft && rateWait < wait)
                {
                    wait = rateWait;
                }

                using (var waitCts = CancellationTokenSource.CreateLinkedTokenSource(streamCts.Token))
                {
                    var wake = _wake.WaitAsync(waitCts.Token);
                    var tick = Task.Delay(wait, _time, waitCts.Token);
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

    /// <summary>The batches to send now: live ones first, then backlog by lane within its share and rate.</summary>
    private List<SampleBatch> Select(StreamState state)
    {
        var toSend = new List<SampleBatch>();
        lock (state)
        {
            var free = _settings.Window - state.InFlight.Count;
            if (free <= 0)
            {
                return toSend;
            }

            foreach (var entry in _outbox.Pending(state.LiveCursor, long.MaxValue, null, free))
            {
                state.LiveCursor = entry.Position;
                if (_outbox.Read(entry) is { } batch)
                {
                    state.InFlight[(entry.BootId, entry.Sequence)] = InFlightBatch.Live;
                    toSend.Add(Compacted(batch));
                }
            }

            var backlogFree = Math.Min(free - toSend.Count, _settings.Window - _settings.LiveReserve - state.BacklogInFlight);
            state.BacklogLeft = false;
            foreach (var lane in BacklogLanes)
            {
                var cursor = state.BacklogCursors[(int)lane];
                while (backlogFree > 0)
                {
                    var entries = _outbox.Pending(cursor, state.ConnectedAt, lane, backlogFree * _settings.BacklogMergeBatches);
                    if (entries.Count == 0)
                    {
                        break;
                    }

                    foreach (var group in MergeGroups(entries))
                    {
                        if (!state.Limiter.TryTake(group.Sum(e => e.Bytes)))
                        {
                            state.BacklogCursors[(int)lane] = cursor;
                            state.BacklogLeft = true;
                            return toSend;
                        }

                        cursor = group[^1].Position;
                        var batches = group.Select(_outbox.Read).OfType<SampleBatch>().ToList();
                        if (batches.Count == 0)
                        {
                            continue;
                        }

                        var message = batches.Count == 1 ? Compacted(batches[0]) : CompactBatchCodec.Merge(batches);
                        message.Backfill = true;
                        state.InFlight[(message.BootId, message.Sequence)] = new InFlightBatch(true, [.. batches.Skip(1).Select(b => b.Sequence)]);
                        state.BacklogInFlight++;
                        backlogFree--;
                        toSend.Add(message);
                    }
                }

                state.BacklogCursors[(int)lane] = cursor;
                if (backlogFree <= 0)
                {
                    state.BacklogLeft = true;
                    break;
                }
            }
        }

        return toSend;
    }

    /// <summary>Consecutive backlog entries of one boot id, up to the merge bounds, each group one message.</summary>
    private List<List<OutboxEntry>> MergeGroups(IReadOnlyList<OutboxEntry> entries)
    {
        var groups = new List<List<OutboxEntry>>();
        List<OutboxEntry>? group = null;
        long bytes = 0;
        foreach (var entry in entries)
        {
            if (group is null || group.Count >= _settings.BacklogMergeBatches || bytes + entry.Bytes > _settings.BacklogMergeBytes
                || !string.Equals(group[0].BootId, entry.BootId, StringComparison.Ordinal))
            {
                group = [];
                groups.Add(group);
                bytes = 0;
            }

            group.Add(entry);
            bytes += entry.Bytes;
        }

        return groups;
    }

    /// <summary>
    /// The outbox keeps plain points (thinning works on them); the wire gets the compact encoding, a fraction of the
    /// bytes on a metered link. The collector expands it.
    /// </summary>
    private static SampleBatch Compacted(SampleBatch batch)
    {
        CompactBatchCodec.Compact(batch);
        return batch;
    }

    private async Task ReceiveAsync(IAsyncStreamReader<CollectorMessage> responses, StreamState state, CancellationToken cancellationToken)
    {
        while (await responses.MoveNext(cancellationToken))
        {
            var message = responses.Current;
            switch (message.KindCase)
            {
                case CollectorMessage.KindOneofCase.Ack:
                    foreach (var sequence in Forget(state, message.Ack.BootId, message.Ack.Sequence))
                    {
                        _outbox.Acknowledge(message.Ack.BootId, sequence);
                    }

                    break;
                case CollectorMessage.KindOneofCase.Reject:
                    foreach (var sequence in Forget(state, message.Reject.BootId, message.Reject.Sequence))
                    {
                        _outbox.Reject(message.Reject.BootId, sequence);
                    }

                    AgentLog.BatchRejected(_logger, message.Reject.BootId, message.Reject.Sequence, message.Reject.Reason, Interlocked.Increment(ref _rejected));
                    break;
                case CollectorMessage.KindOneofCase.Heartbeat:
                    ObserveClock(state, message.Heartbeat);
                    break;
                case CollectorMessage.KindOneofCase.RunSelfCheck:
                    // Runs elsewhere: this loop must keep reading acks while the self-check takes its seconds.
                    _selfCheckRequests?.Request(message.RunSelfCheck.RequestId);
                    break;
                default:
                    break;
            }
        }

        throw new InvalidOperationException("the collector closed the stream");
    }

    /// <summary>The collector answers each heartbeat with its own clock: one more offset measurement per interval.</summary>
    private void ObserveClock(StreamState state, Heartbeat answer)
    {
        DateTimeOffset? sent;
        lock (state)
        {
            sent = state.HeartbeatSentAt;
            state.HeartbeatSentAt = null;
        }

        if (sent is { } at && _clock is not null)
        {
            _clock.Observe(ClockExchange.FromUnixMilliseconds(at, _time.GetUtcNow(), answer.SentTimeUnixMs));
        }
    }

    /// <summary>The answered message is no longer in flight; returns every stored batch it carried.</summary>
    private List<ulong> Forget(StreamState state, string bootId, ulong sequence)
    {
        var answered = new List<ulong> { sequence };
        lock (state)
        {
            if (state.InFlight.Remove((bootId, sequence), out var sent))
            {
                answered.AddRange(sent.Merged);
                if (sent.Backlog)
                {
                    state.BacklogInFlight--;
                }
            }
        }

        Wake();
        return answered;
    }

    /// <summary>Per-stream bookkeeping: cursors past what was sent on this stream, and what awaits an answer.</summary>
    private sealed class StreamState(long connectedAt, BacklogRateLimiter limiter)
    {
        public long ConnectedAt { get; } = connectedAt;

        public BacklogRateLimiter Limiter { get; } = limiter;

        public long LiveCursor { get; set; } = connectedAt - 1;

        public long[] BacklogCursors { get; } = [long.MinValue, long.MinValue];

        public Dictionary<(string BootId, ulong Sequence), InFlightBatch> InFlight { get; } = [];

        public int BacklogInFlight { get; set; }

        public bool BacklogLeft { get; set; }

        /// <summary>When the unanswered heartbeat left, for the clock measurement of its answer.</summary>
        public DateTimeOffset? HeartbeatSentAt { get; set; }
    }

    /// <summary>A message awaiting its answer: from the backlog or live, and the further stored batches merged into it.</summary>
    private sealed record InFlightBatch(bool Backlog, IReadOnlyList<ulong> Merged)
    {
        public static readonly InFlightBatch Live = new(false, []);
    }
}
