using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Grpc.Core;
using SonLa.Monitor.Collector.Diagnostics;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

public sealed partial class AgentGatewayService
{
    /// <summary>
    /// One agent stream after Hello. Pipelined: the stream is read while earlier batches wait in the
    /// write stage, so one agent's window of unacknowledged batches merges into few InfluxDB writes.
    /// Answers (ack, reject) go out as writes complete, so not necessarily in sequence order; one
    /// sender task owns the response stream. Reading pauses while the stream has
    /// <c>Ingest:MaxUnansweredBatchesPerAgent</c> batches unanswered or the write stage is full.
    /// </summary>
    private sealed class Session : IDisposable
    {
        private readonly AgentGatewayService _service;
        private readonly IAsyncStreamReader<AgentMessage> _requests;
        private readonly IServerStreamWriter<CollectorMessage> _responses;
        private readonly string _siteId;
        private readonly CancellationToken _callToken;
        private readonly CancellationTokenSource _end;
        private readonly SemaphoreSlim _unanswered;
        private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
        private readonly ConcurrentDictionary<Task, byte> _answering = new();
        private Exception? _failure;

        public Session(AgentGatewayService service, IAsyncStreamReader<AgentMessage> requests,
            IServerStreamWriter<CollectorMessage> responses, string siteId, CancellationToken callToken)
        {
            _service = service;
            _requests = requests;
            _responses = responses;
            _siteId = siteId;
            _callToken = callToken;
            _end = CancellationTokenSource.CreateLinkedTokenSource(callToken);
            _unanswered = new SemaphoreSlim(service._options.MaxUnansweredBatchesPerAgent, service._options.MaxUnansweredBatchesPerAgent);
        }

        public async Task RunAsync()
        {
            Post(new CollectorMessage
            {
                Welcome = new Welcome
                {
                    CollectorTimeUnixMs = _service._time.GetUtcNow().ToUnixTimeMilliseconds(),
                    HeartbeatIntervalSeconds = _service._options.HeartbeatIntervalSeconds,
                },
            }, answer: false);
            // From here the site may be sent messages of its own (RunSelfCheck), after the Welcome, as the agent expects.
            using var registration = _service._sessions.Add(_siteId, Send);
            var sender = SendAsync();
            try
            {
                // The read itself is cancelled when the session ends, not merely abandoned: a read left pending on the
                // request body outlives the call, and the next call that Kestrel serves on the same pooled HTTP/2 stream
                // failed with "Reading is already in progress" (an agent reconnecting after InfluxDB came back got Internal).
                while (await _service.ReadAsync(_requests, _siteId, _end.Token))
                {
                    var message = _requests.Current;
                    _service.TellPresence(_siteId, (observer, at) => observer.OnActivity(_siteId, at));
                    if (message.KindCase == AgentMessage.KindOneofCase.Batch)
                    {
                        await _unanswered.WaitAsync(_end.Token);
                        if (!await AcceptAsync(message.Batch))
                        {
                            break;
                        }
                    }
                    else if (message.KindCase == AgentMessage.KindOneofCase.Heartbeat)
                    {
                        Post(new CollectorMessage
                        {
                            Heartbeat = new Heartbeat { SentTimeUnixMs = _service._time.GetUtcNow().ToUnixTimeMilliseconds() },
                        }, answer: false);
                    }

                    // A second Hello or an unknown message kind from a newer agent: nothing to do.
                }

                // The agent closed its side (or we end it): answer what is outstanding first.
                await Task.WhenAll(_answering.Keys).WaitAsync(_end.Token);
            }
            catch (OperationCanceledException) when (Volatile.Read(ref _failure) is not null)
            {
                // The sender ended the session (storage unavailable, or the agent is gone): _failure says why.
            }
            finally
            {
                _outgoing.Writer.TryComplete();
                await sender;
            }

            if (Volatile.Read(ref _failure) is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }

        public void Dispose()
        {
            _end.Dispose();
            _unanswered.Dispose();
        }

        /// <summary>False when the session must end (the failure is posted).</summary>
        private async Task<bool> AcceptAsync(SampleBatch batch)
        {
            var service = _service;
            service._metrics.BatchReceived();
            // A merged backlog batch stands for its merged sequences too: each counts as received.
            service._accounting.Received(_siteId, batch.BootId, batch.Sequence);
            foreach (var merged in batch.MergedSequences)
            {
                service._accounting.Received(_siteId, batch.BootId, merged);
            }
            var converted = BatchConverter.Convert(batch, _siteId);
            if (converted.Total > 0 && converted.Points.Count == 0)
            {
                Reject(batch, converted, $"all {converted.Total} points invalid; first: {converted.FirstProblem}");
                return true;
            }

            if (converted.Points.Count == 0)
            {
                service._metrics.BatchStored(0);
                Acknowledge(batch);
                return true;
            }

            if (service._health.RetryAfterRemaining > TimeSpan.Zero)
            {
                service._metrics.BatchUnstored();
                _outgoing.Writer.TryWrite(new Outgoing(null, Unavailable(batch, service._health.RetryAfterRemaining), false));
                return false;
            }

            var pending = await service._coalescer.EnqueueAsync(LineBatch.From(converted.Points), _end.Token);
            var answer = AnswerAsync(batch, converted, pending);
            _answering.TryAdd(answer, 0);
            _ = answer.ContinueWith(t => _answering.TryRemove(t, out _), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return true;
        }

        private async Task AnswerAsync(SampleBatch batch, ConvertedBatch converted, PendingWrite pending)
        {
            var service = _service;
            var result = await pending.Completion;
            if (result.Unavailable is { } unavailable)
            {
                service._metrics.BatchUnstored();
                CollectorLog.BatchNotStored(service._logger, _siteId, batch.BootId, batch.Sequence);
                _outgoing.Writer.TryWrite(new Outgoing(null, Unavailable(batch, unavailable.RetryAfter), false));
                return;
            }

            if (result.Rejected is { } ex)
            {
                CollectorLog.BatchRefusedByStorage(service._logger, _siteId, batch.BootId, batch.Sequence, ex.Message);
                var stored = ex.PartialWrite ? "some points stored" : "no point stored";
                var refused = ex.DroppedPoints is { } dropped ? Math.Min(dropped, converted.Points.Count) : converted.Points.Count;
                Reject(batch, converted with { Invalid = converted.Invalid + refused },
                    $"InfluxDB refused the batch ({stored}, {refused} refused): {ex.Message}");
                return;
            }

            service.Notify(_siteId, batch, converted.Points);
            if (converted.Invalid > 0)
            {
                // The valid points are stored; the rest never will be. Say both.
                service._metrics.PointsStored(converted.Points.Count);
                Reject(batch, converted,
                    $"stored {converted.Points.Count} of {converted.Total} points; dropped {converted.Invalid} invalid, first: {converted.FirstProblem}");
                return;
            }

            service._metrics.BatchStored(converted.Points.Count);
            Acknowledge(batch);
        }

        private void Answered(SampleBatch batch)
        {
            _service._accounting.Answered(_siteId, batch.BootId, batch.Sequence);
            foreach (var merged in batch.MergedSequences)
            {
                _service._accounting.Answered(_siteId, batch.BootId, merged);
            }
        }

        private void Acknowledge(SampleBatch batch)
        {
            Answered(batch);
            Post(new CollectorMessage { Ack = new BatchAck { BootId = batch.BootId, Sequence = batch.Sequence } }, answer: true);
        }

        private void Reject(SampleBatch batch, ConvertedBatch converted, string reason)
        {
            var service = _service;
            service._metrics.BatchRejected();
            service._metrics.PointsRejected(converted.Invalid);
            if (converted.FirstProblem is not null)
            {
                CollectorLog.InvalidPoints(service._logger, _siteId, batch.BootId, batch.Sequence, converted.Invalid, converted.Total, converted.FirstProblem);
            }

            Answered(batch);
            Post(new CollectorMessage
            {
                Reject = new BatchReject { BootId = batch.BootId, Sequence = batch.Sequence, Reason = reason },
            }, answer: true);
        }

        private void Post(CollectorMessage message, bool answer) => _outgoing.Writer.TryWrite(new Outgoing(message, null, answer));

        /// <summary>A message from elsewhere in the collector (<see cref="IAgentSessions.TrySend"/>); false once the session is over.</summary>
        private bool Send(CollectorMessage message) => _outgoing.Writer.TryWrite(new Outgoing(message, null, false));

        // The only writer of the response stream. A failure item, or a failed write, ends the session.
        private async Task SendAsync()
        {
            try
            {
                await foreach (var item in _outgoing.Reader.ReadAllAsync(CancellationToken.None))
                {
                    if (item.Failure is not null)
                    {
                        End(item.Failure);
                        return;
                    }

                    await _responses.WriteAsync(item.Message!, _callToken);
                    if (item.Answer)
                    {
                        _unanswered.Release();
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                End(ex);
            }
        }

        private void End(Exception failure)
        {
            Interlocked.CompareExchange(ref _failure, failure, null);
            try
            {
                _end.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already over.
            }
        }

        private readonly record struct Outgoing(CollectorMessage? Message, Exception? Failure, bool Answer);
    }
}
