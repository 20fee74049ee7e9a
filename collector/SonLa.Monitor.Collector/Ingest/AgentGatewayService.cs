using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Diagnostics;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// The agents' stream. Answers:
/// <list type="bullet">
/// <item>BatchAck — every point of the batch is stored in InfluxDB (the agent may delete it).</item>
/// <item>BatchReject — some or all points will never be stored (invalid, or refused by InfluxDB);
/// the reason says how many were stored and why the rest were not. The batch is finished either way:
/// sending it again would give the same answer.</item>
/// <item>No answer, and the stream ends with <see cref="StatusCode.Unavailable"/> — InfluxDB is
/// unreachable; nothing of this batch is known to be stored. The agent reconnects (with backoff)
/// and resends its unacknowledged batches; rewrites are idempotent (same series and time overwrite).
/// A "retry-after" trailer (seconds) passes on InfluxDB's Retry-After when it sent one.</item>
/// </list>
/// </summary>
public sealed class AgentGatewayService : AgentGateway.AgentGatewayBase
{
    public const string RetryAfterTrailer = "retry-after";

    private readonly AgentAuthenticator _authenticator;
    private readonly IMetricWriter _writer;
    private readonly StorageHealth _health;
    private readonly CollectorMetrics _metrics;
    private readonly IngestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentGatewayService> _logger;
    private readonly LogThrottle _refusals;

    public AgentGatewayService(AgentAuthenticator authenticator, IMetricWriter writer, StorageHealth health,
        CollectorMetrics metrics, IOptions<IngestOptions> options, TimeProvider time, ILogger<AgentGatewayService> logger,
        LogThrottle refusals)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _writer = writer;
        _health = health;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _refusals = refusals;
    }

    public override async Task Connect(IAsyncStreamReader<AgentMessage> requestStream,
        IServerStreamWriter<CollectorMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;

        var siteId = _authenticator.Authenticate(AgentAuthenticator.BearerToken(context.RequestHeaders.GetValue("authorization")));
        if (siteId is null)
        {
            throw Refuse(context, StatusCode.Unauthenticated, "unknown or missing agent token (metadata 'authorization: Bearer <token>')");
        }

        try
        {
            if (!await ReadAsync(requestStream, siteId, cancellationToken))
            {
                return;
            }
        }
        catch (Exception ex) when (IsClientGone(ex, cancellationToken))
        {
            // Gone before saying Hello: nothing to log.
            return;
        }

        if (requestStream.Current.KindCase != AgentMessage.KindOneofCase.Hello)
        {
            throw Refuse(context, StatusCode.InvalidArgument, "the first message of a stream must be Hello");
        }

        var hello = requestStream.Current.Hello;
        if (!string.Equals(hello.SiteId, siteId, StringComparison.Ordinal))
        {
            throw Refuse(context, StatusCode.PermissionDenied, $"this token may not write site '{hello.SiteId}'");
        }

        _metrics.AgentConnected();
        CollectorLog.AgentConnected(_logger, siteId, context.Peer, hello.AgentVersion, hello.BootId);
        try
        {
            await ServeAsync(requestStream, responseStream, context, siteId);
        }
        catch (Exception ex) when (IsClientGone(ex, cancellationToken))
        {
            // The agent stopped or its link dropped (RST_STREAM, "The client reset the request stream"): routine, one
            // information line below, no stack trace. Unacknowledged batches are resent on the next stream.
        }
        catch (Exception ex) when (ex is not RpcException and not OutOfMemoryException)
        {
            // Anything else is ours to look at, in one line; the agent sees Internal and reconnects.
            CollectorLog.AgentStreamFailed(_logger, siteId, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
            throw new RpcException(new Status(StatusCode.Internal, "collector error; reconnect and resend"));
        }
        finally
        {
            _metrics.AgentDisconnected();
            CollectorLog.AgentDisconnected(_logger, siteId);
        }
    }

    /// <summary>The agent went away: its stream was reset or the call aborted, not a fault of ours.</summary>
    private static bool IsClientGone(Exception ex, CancellationToken callToken) =>
        callToken.IsCancellationRequested
        || ex is IOException
        || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled);

    private async Task ServeAsync(IAsyncStreamReader<AgentMessage> requestStream, IServerStreamWriter<CollectorMessage> responseStream,
        ServerCallContext context, string siteId)
    {
        var cancellationToken = context.CancellationToken;
        await responseStream.WriteAsync(new CollectorMessage
        {
            Welcome = new Welcome
            {
                CollectorTimeUnixMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                HeartbeatIntervalSeconds = _options.HeartbeatIntervalSeconds,
            },
        }, cancellationToken);

        while (await ReadAsync(requestStream, siteId, cancellationToken))
        {
            var message = requestStream.Current;
            switch (message.KindCase)
            {
                case AgentMessage.KindOneofCase.Batch:
                    await HandleBatchAsync(message.Batch, siteId, responseStream, context);
                    break;
                case AgentMessage.KindOneofCase.Heartbeat:
                    await responseStream.WriteAsync(new CollectorMessage
                    {
                        Heartbeat = new Heartbeat { SentTimeUnixMs = _time.GetUtcNow().ToUnixTimeMilliseconds() },
                    }, cancellationToken);
                    break;
                default:
                    // A second Hello or an unknown message kind from a newer agent: nothing to do.
                    break;
            }
        }
    }

    private async Task HandleBatchAsync(SampleBatch batch, string siteId,
        IServerStreamWriter<CollectorMessage> responseStream, ServerCallContext context)
    {
        _metrics.BatchReceived();
        var converted = BatchConverter.Convert(batch, siteId);
        if (converted.Total > 0 && converted.Points.Count == 0)
        {
            await RejectAsync(batch, siteId, converted, $"all {converted.Total} points invalid; first: {converted.FirstProblem}", responseStream, context);
            return;
        }

        if (_health.RetryAfterRemaining > TimeSpan.Zero)
        {
            _metrics.BatchUnstored();
            throw Unavailable(batch, _health.RetryAfterRemaining);
        }

        try
        {
            await _writer.WriteAsync(converted.Points, context.CancellationToken);
            _health.ReportSuccess(_writer.Target);
        }
        catch (StorageUnavailableException ex)
        {
            _metrics.InfluxWriteFailed();
            _metrics.BatchUnstored();
            _health.ReportFailure(_writer.Target, ex.Message, ex.RetryAfter);
            CollectorLog.BatchNotStored(_logger, siteId, batch.BootId, batch.Sequence);
            throw Unavailable(batch, ex.RetryAfter);
        }
        catch (StorageRejectedException ex)
        {
            // InfluxDB answered, so it is reachable; it just will not take these points.
            _health.ReportSuccess(_writer.Target);
            _metrics.InfluxWriteFailed();
            CollectorLog.BatchRefusedByStorage(_logger, siteId, batch.BootId, batch.Sequence, ex.Message);
            var stored = ex.PartialWrite ? "some points stored" : "no point stored";
            var refused = ex.DroppedPoints ?? converted.Points.Count;
            await RejectAsync(batch, siteId, converted with { Invalid = converted.Invalid + refused },
                $"InfluxDB refused the batch ({stored}, {refused} refused): {ex.Message}", responseStream, context);
            return;
        }

        if (converted.Invalid > 0)
        {
            // The valid points are stored; the rest never will be. Say both.
            _metrics.PointsStored(converted.Points.Count);
            await RejectAsync(batch, siteId, converted,
                $"stored {converted.Points.Count} of {converted.Total} points; dropped {converted.Invalid} invalid, first: {converted.FirstProblem}",
                responseStream, context);
            return;
        }

        _metrics.BatchStored(converted.Points.Count);
        await responseStream.WriteAsync(new CollectorMessage
        {
            Ack = new BatchAck { BootId = batch.BootId, Sequence = batch.Sequence },
        }, context.CancellationToken);
    }

    private async Task RejectAsync(SampleBatch batch, string siteId, ConvertedBatch converted, string reason,
        IServerStreamWriter<CollectorMessage> responseStream, ServerCallContext context)
    {
        _metrics.BatchRejected();
        _metrics.PointsRejected(converted.Invalid);
        if (converted.FirstProblem is not null)
        {
            CollectorLog.InvalidPoints(_logger, siteId, batch.BootId, batch.Sequence, converted.Invalid, converted.Total, converted.FirstProblem);
        }

        await responseStream.WriteAsync(new CollectorMessage
        {
            Reject = new BatchReject { BootId = batch.BootId, Sequence = batch.Sequence, Reason = reason },
        }, context.CancellationToken);
    }

    private async Task<bool> ReadAsync(IAsyncStreamReader<AgentMessage> requestStream, string siteId, CancellationToken cancellationToken)
    {
        try
        {
            return await requestStream.MoveNext(cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
        {
            _metrics.OversizeMessage();
            CollectorLog.MessageTooLarge(_logger, siteId, ex.Status.Detail);
            throw;
        }
    }

    private RpcException Refuse(ServerCallContext context, StatusCode code, string reason)
    {
        _metrics.AuthenticationFailed();
        // One line per client address and reason a minute: the metric counts every refusal.
        if (_refusals.ShouldLog(PeerHost(context.Peer) + "|" + code, out var suppressed))
        {
            CollectorLog.AgentRefused(_logger, context.Peer, reason, suppressed);
        }
        return new RpcException(new Status(code, reason));
    }

    // "ipv4:10.0.0.5:53122" / "ipv6:[::1]:53122" → the address without the port.
    private static string PeerHost(string peer)
    {
        var colon = peer.LastIndexOf(':');
        return colon > 0 ? peer[..colon] : peer;
    }

    private static RpcException Unavailable(SampleBatch batch, TimeSpan? retryAfter)
    {
        var trailers = new Metadata();
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            trailers.Add(RetryAfterTrailer, seconds.ToString(CultureInfo.InvariantCulture));
        }

        return new RpcException(new Status(StatusCode.Unavailable,
            $"storage unavailable: batch {batch.BootId}/{batch.Sequence} not stored; reconnect and resend it"), trailers);
    }
}
